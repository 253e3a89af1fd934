import type { FieldMetadata } from "@conform-to/react";
import { ChoiceGroup, Field, SelectField, TextareaField } from "~/components/forms";
import { supportKinds } from "~/domain/states";
import { label, provinceCodes, provinces, themeCodes, themes } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

type Meta = FieldMetadata<string | undefined>;
type ListMeta = FieldMetadata<string[] | undefined>;

export type SupportFieldSet = {
  name: Meta;
  kind: Meta;
  description: Meta;
  url: Meta;
  email: Meta;
  phone: Meta;
  provinces: ListMeta;
  themes: ListMeta;
};

/** The fields of a wegwijzer organisation, shared by "add" and "edit". */
export function SupportFields({ fields }: { fields: SupportFieldSet }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Field label={t("support.form.name")} field={fields.name} />
      <SelectField
        label={t("support.form.kind")}
        field={fields.kind}
        placeholder={t("common.choose")}
        options={supportKinds.map((k) => ({ value: k, label: t(`support.kinds.${k}`) }))}
      />
      <TextareaField
        label={t("support.form.description")}
        field={fields.description}
        help={t("support.form.descriptionHelp")}
        rows={5}
      />
      <Field
        label={t("support.form.url")}
        field={fields.url}
        help={t("support.form.urlHelp")}
        inputProps={{ type: "url", inputMode: "url", placeholder: "https://" }}
      />
      <div className="grid-2">
        <Field
          label={t("support.form.email")}
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "off" }}
        />
        <Field
          label={t("support.form.phone")}
          field={fields.phone}
          inputProps={{ type: "tel", inputMode: "tel" }}
        />
      </div>
      <ChoiceGroup
        legend={t("support.form.provinces")}
        help={t("support.form.provincesHelp")}
        field={fields.provinces}
        type="checkbox"
        options={provinceCodes.map((c) => ({ value: c, label: label(provinces, c, locale) }))}
      />
      <ChoiceGroup
        legend={t("support.form.themes")}
        help={t("support.form.themesHelp")}
        field={fields.themes}
        type="checkbox"
        options={themeCodes.map((c) => ({ value: c, label: label(themes, c, locale) }))}
      />
    </>
  );
}
