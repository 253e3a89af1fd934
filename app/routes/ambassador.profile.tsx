import { getFormProps, useForm } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type ChangeEvent } from "react";
import { AmbassadorAvatar } from "~/components/ambassador-avatar";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  CheckboxField,
  ChoiceGroup,
  ErrorList,
  Field,
  FormErrors,
  SelectField,
  TextareaField,
  useIsPending,
} from "~/components/forms";
import { PageHeader } from "~/components/page";
import { PhotoIntentSchema, ProfileSchema } from "~/forms/ambassadors.server";
import { ambassadorOffers, profileFields } from "~/domain/states";
import {
  label,
  lifePhaseCodes,
  lifePhases,
  provinceCodes,
  provinces,
  sectorCodes,
  sectors,
  sizeClassCodes,
  sizeClasses,
  themeCodes,
  themes,
  type Labelled,
} from "~/domain/taxonomy";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { getOwnProfile, removePhoto, saveProfile, setPhoto } from "~/models/ambassadors.server";
import { requirePermission } from "~/utils/auth.server";
import { formConstraint, parseFields, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { PHOTO_BODY_MAX, PHOTO_MAX_BYTES } from "~/utils/body-limits";
import { processPhoto } from "~/utils/photo.server";
import { createToastHeaders } from "~/utils/toast.server";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ambassadors.edit.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export const handle = { messages: ["ambassadors"] };
export const clientLoader = withMessages("ambassadors");

const BODY_MAX = PHOTO_BODY_MAX;

class BodyTooLarge extends Error {}

/**
 * Keeps uploaded parts in memory, refusing (by throwing) as soon as one part is over the photo
 * limit or all parts together are over BODY_MAX: nothing more is read.
 */
function limitedMemoryUploadHandler(): UploadHandler {
  let total = 0;
  return async ({ filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > PHOTO_MAX_BYTES || total > BODY_MAX) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    if (typeof filename === "string")
      return new File([Buffer.concat(chunks)], filename, { type: contentType });
    return new TextDecoder().decode(Buffer.concat(chunks));
  };
}

async function drain(request: Request) {
  const reader = request.body?.getReader();
  if (!reader) return;
  try {
    for (;;) if ((await reader.read()).done) break;
  } catch {
    // The client gave up: nothing to answer.
  }
}

/**
 * The request's fields: a multipart body (the photo form) read with a size limit, anything
 * else as a plain form. "tooLarge" for an oversized body, "bad" for one that is not a form.
 */
async function readBody(request: Request): Promise<FormData | "tooLarge" | "bad"> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > BODY_MAX) {
    // Read and drop it (the server caps it at UPLOAD_HARD_MAX), so the browser, still sending,
    // gets the page with the message rather than a reset connection.
    await drain(request);
    return "tooLarge";
  }
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.startsWith("multipart/form-data"))
      return await unstable_parseMultipartFormData(request, limitedMemoryUploadHandler());
    return await request.formData();
  } catch (error) {
    if (error instanceof BodyTooLarge || error instanceof MaxPartSizeExceededError)
      return "tooLarge";
    return "bad";
  }
}

/** Editing one's own profile; the profile row is made on the first visit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const profile = getOwnProfile(user.id);
  return json({
    profile: {
      name: profile.name,
      slug: profile.slug,
      headline: profile.headline,
      companyName: profile.companyName,
      sector: profile.sector ?? "",
      sizeClass: profile.sizeClass ?? "",
      lifePhase: profile.lifePhase ?? "",
      province: profile.province ?? "",
      themes: profile.themes,
      bio: profile.bio,
      offers: profile.offers,
      availability: profile.availability,
      publicFields: profile.publicFields,
      published: profile.published,
      hasPhoto: profile.hasPhoto,
      photoVersion: profile.photoUpdatedAt?.getTime() ?? 0,
    },
    prefilled: !profile.updatedAt && Boolean(profile.companyName),
    constraint: formConstraint(ProfileSchema),
    maxBytes: PHOTO_MAX_BYTES,
  });
}

const photoReply = (fieldErrors: Record<string, string[]>) =>
  json(
    { form: "photo" as const, reply: { status: "error" as const, error: fieldErrors } },
    { status: 400 },
  );

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const body = await readBody(request);
  if (body === "tooLarge") return photoReply({ photo: ["ambassadors.edit.photoError.tooLarge"] });
  if (body === "bad") return json({ form: "profile" as const, reply: null }, { status: 400 });
  const intent = body.get("intent");

  if (intent === "upload" || intent === "remove") {
    const submission = parseFields(body, PhotoIntentSchema);
    if (submission.status !== "success")
      return json({ form: "photo" as const, reply: submission.reply() }, { status: 400 });
    if (submission.value.intent === "remove") {
      removePhoto(user.id);
      return json(
        { form: "photo" as const, reply: submission.reply({ resetForm: true }) },
        { headers: await createToastHeaders({ key: "ambassadors.edit.photoRemoved" }) },
      );
    }
    const file = body.get("photo");
    if (!(file instanceof File) || file.size === 0)
      return photoReply({ photo: ["ambassadors.edit.photoError.empty"] });
    const result = await processPhoto(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return photoReply({ photo: [`ambassadors.edit.photoError.${result.reason}`] });
    setPhoto(user.id, result.jpeg);
    return json(
      { form: "photo" as const, reply: submission.reply({ resetForm: true }) },
      { headers: await createToastHeaders({ key: "ambassadors.edit.photoSaved" }) },
    );
  }

  const submission = parseFields(body, ProfileSchema);
  if (submission.status !== "success")
    return json({ form: "profile" as const, reply: submission.reply() }, { status: 400 });
  saveProfile(user.id, submission.value);
  return json(
    { form: "profile" as const, reply: submission.reply() },
    { headers: await createToastHeaders({ key: "ambassadors.edit.saved" }) },
  );
}

export default function EditAmbassadorProfile() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { profile, prefilled, constraint, maxBytes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useIsPending({ intent: "save" });
  const uploading = useIsPending({ intent: "upload" });
  const removing = useIsPending({ intent: "remove" });
  const [form, fields] = useForm<FormInput<typeof ProfileSchema>>({
    id: "ambassador-profile",
    lastResult: data?.form === "profile" ? data.reply : undefined,
    constraint,
    shouldValidate: "onSubmit",
    defaultValue: {
      ...profile,
      published: profile.published ? "on" : undefined,
    } as unknown as FormInput<typeof ProfileSchema>,
  });
  const serverPhotoErrors =
    data?.form === "photo" && data.reply && "error" in data.reply && data.reply.error
      ? ((data.reply.error as Record<string, string[] | null>).photo ?? null)
      : null;
  // With JavaScript, a file over the limit is refused before it is sent (the server checks too).
  const [tooLarge, setTooLarge] = useState(false);
  const onPhotoChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const over = !!file && file.size > maxBytes;
    setTooLarge(over);
    event.currentTarget.setCustomValidity(over ? t("ambassadors.edit.photoError.tooLarge") : "");
  };
  const photoErrors = tooLarge ? ["ambassadors.edit.photoError.tooLarge"] : serverPhotoErrors;
  const options = <T extends string>(codes: readonly T[], table: Record<string, Labelled>) =>
    codes.map((c) => ({ value: c, label: label(table, c, locale) }));
  return (
    <div className="page narrow">
      <PageHeader
        title={t("ambassadors.edit.title")}
        intro={t("ambassadors.edit.intro")}
        actions={
          <Link to="/ambassador" className="button button-quiet">
            {t("ambassadors.edit.back")}
          </Link>
        }
      />
      {prefilled ? (
        <p className="notice" role="status">
          {t("ambassadors.edit.prefilled")}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="photo-title">
        <h2 id="photo-title">{t("ambassadors.edit.photoTitle")}</h2>
        <div className="amb-photo-edit">
          {profile.hasPhoto ? (
            <img
              className="amb-avatar amb-avatar-medium"
              src={`/ambassador/photo?v=${profile.photoVersion}`}
              alt={t("ambassadors.edit.photoCurrent")}
              width={400}
              height={400}
              data-testid="own-photo"
            />
          ) : (
            <div className="stack">
              <AmbassadorAvatar name={profile.name} slug={profile.slug} photoVersion={null} />
              <p className="muted small">{t("ambassadors.edit.photoNone")}</p>
            </div>
          )}
          <Form method="post" encType="multipart/form-data" className="stack" id="photo-form">
            <div className="field">
              <label htmlFor="photo">{t("ambassadors.edit.photoField")}</label>
              <p id="photo-help" className="field-help">
                {t("ambassadors.edit.photoHelp")}
              </p>
              <input
                id="photo"
                name="photo"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                onChange={onPhotoChange}
                aria-describedby={photoErrors ? "photo-help photo-error" : "photo-help"}
                aria-invalid={photoErrors ? true : undefined}
              />
              <ErrorList id="photo-error" errors={photoErrors} />
            </div>
            <p className="amb-actions">
              <button
                type="submit"
                name="intent"
                value="upload"
                className="button button-secondary"
                disabled={uploading}
              >
                {t("ambassadors.edit.photoUpload")}
              </button>
              {profile.hasPhoto ? (
                <button
                  type="submit"
                  name="intent"
                  value="remove"
                  className="button button-quiet"
                  disabled={removing}
                  formNoValidate
                >
                  {t("ambassadors.edit.photoRemove")}
                </button>
              ) : null}
            </p>
          </Form>
        </div>
      </section>

      <Form method="post" {...getFormProps(form)} className="card stack amb-edit-form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="stack">
          <legend>{t("ambassadors.edit.about")}</legend>
          <Field
            label={t("ambassadors.edit.headline")}
            field={fields.headline}
            help={t("ambassadors.edit.headlineHelp")}
          />
          <TextareaField
            label={t("ambassadors.edit.bio")}
            field={fields.bio}
            help={t("ambassadors.edit.bioHelp")}
            rows={8}
          />
          <ChoiceGroup
            legend={t("ambassadors.edit.themes")}
            help={t("ambassadors.edit.themesHelp")}
            field={fields.themes}
            type="checkbox"
            options={options(themeCodes, themes)}
          />
          <ChoiceGroup
            legend={t("ambassadors.edit.offers")}
            field={fields.offers}
            type="checkbox"
            options={ambassadorOffers.map((o) => ({
              value: o,
              label: t(`ambassadors.offer.${o}`),
            }))}
          />
          <Field
            label={t("ambassadors.edit.availability")}
            field={fields.availability}
            help={t("ambassadors.edit.availabilityHelp")}
          />
        </fieldset>
        <fieldset className="stack">
          <legend>{t("ambassadors.edit.company")}</legend>
          <Field
            label={t("ambassadors.edit.companyName")}
            field={fields.companyName}
            inputProps={{ autoComplete: "organization" }}
          />
          <SelectField
            label={t("ambassadors.edit.sector")}
            field={fields.sector}
            placeholder={t("common.notSet")}
            options={options(sectorCodes, sectors)}
          />
          <SelectField
            label={t("ambassadors.edit.sizeClass")}
            field={fields.sizeClass}
            placeholder={t("common.notSet")}
            options={options(sizeClassCodes, sizeClasses)}
          />
          <SelectField
            label={t("ambassadors.edit.lifePhase")}
            field={fields.lifePhase}
            placeholder={t("common.notSet")}
            options={options(lifePhaseCodes, lifePhases)}
          />
          <SelectField
            label={t("ambassadors.edit.province")}
            field={fields.province}
            placeholder={t("common.notSet")}
            options={options(provinceCodes, provinces)}
          />
        </fieldset>
        <ChoiceGroup
          legend={t("ambassadors.edit.visibility")}
          help={t("ambassadors.edit.visibilityHelp")}
          field={fields.publicFields}
          type="checkbox"
          options={profileFields.map((f) => ({
            value: f,
            label: t(`ambassadors.edit.field.${f}`),
          }))}
        />
        <CheckboxField
          label={t("ambassadors.edit.published")}
          help={t("ambassadors.edit.publishedHelp")}
          field={fields.published}
        />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button-primary"
            disabled={saving}
          >
            {t("ambassadors.edit.save")}
          </button>
          {profile.published ? (
            <Link to={`/ambassadors/${profile.slug}`}>{t("ambassadors.edit.view")}</Link>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
