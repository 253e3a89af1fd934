import type { FieldMetadata } from "@conform-to/react";
import { useCodeOptions } from "~/components/filters";
import { ChoiceGroup, Field, SelectField, TextareaField } from "~/components/forms";
import type { KnowledgeKind } from "~/domain/states";
import { lifePhases, sectors, sizeClasses, themes, type Labelled } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

export const KIND_CODES = [
  "story",
  "lesson",
  "tool",
  "scan",
  "link",
] as const satisfies readonly KnowledgeKind[];

export function KindBadge({ kind }: { kind: KnowledgeKind }) {
  const { t } = useTranslation();
  return (
    <span className={`badge knowledge-kind knowledge-kind-${kind}`}>
      {t(`knowledge.kinds.${kind}`)}
    </span>
  );
}

export type ItemTags = {
  themes: string[];
  sectors: string[];
  lifePhases: string[];
  sizeClasses: string[];
};

const tables = { themes, sectors, lifePhases, sizeClasses } as const;

/** Options for a select or checkbox group, labelled in the page's language. */
export const useTagOptions = useCodeOptions;

/** An item's tags as a list of small labels. */
export function TagList({ tags, label }: { tags: ItemTags; label: string }) {
  const locale = useLocale();
  const items = (Object.keys(tables) as (keyof ItemTags)[]).flatMap((group) =>
    tags[group]
      .map((code) => ({ code, text: (tables[group] as Record<string, Labelled>)[code]?.[locale] }))
      .filter((x) => x.text)
      .map((x) => ({ key: `${group}-${x.code}`, text: x.text! })),
  );
  if (items.length === 0) return null;
  return (
    <ul className="knowledge-tags" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>{item.text}</li>
      ))}
    </ul>
  );
}

type Meta = FieldMetadata<string | number | undefined>;
type ListMeta = FieldMetadata<string[] | undefined>;

export type KnowledgeFieldSet = {
  kind: Meta;
  title: Meta;
  summary: Meta;
  body: Meta;
  url: Meta;
  ambassadorId: Meta;
  themes: ListMeta;
  sectors: ListMeta;
  lifePhases: ListMeta;
  sizeClasses: ListMeta;
};

/**
 * The editor's fields, shared by "new" and "edit". Staff pick the kind and, for a story, the
 * ambassador it is written for; an ambassador writes a story of their own (kind fixed).
 */
export function KnowledgeFields({
  fields,
  staff,
  ambassadors,
}: {
  fields: KnowledgeFieldSet;
  staff: boolean;
  ambassadors: { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {staff ? (
        <SelectField
          label={t("knowledge.editor.kind")}
          field={fields.kind as FieldMetadata<string | undefined>}
          options={KIND_CODES.map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
        />
      ) : (
        <input type="hidden" name={fields.kind.name} value="story" />
      )}
      <Field label={t("knowledge.editor.title")} field={fields.title} />
      <TextareaField
        label={t("knowledge.editor.summary")}
        field={fields.summary as FieldMetadata<string | undefined>}
        help={t("knowledge.editor.summaryHelp")}
        rows={2}
      />
      <Field
        label={t("knowledge.editor.url")}
        field={fields.url}
        help={t("knowledge.editor.urlHelp")}
        inputProps={{ type: "url", inputMode: "url" }}
      />
      <TextareaField
        label={t("knowledge.editor.body")}
        field={fields.body as FieldMetadata<string | undefined>}
        help={t("knowledge.editor.bodyHelp")}
        rows={16}
      />
      {staff ? (
        <SelectField
          label={t("knowledge.editor.ambassador")}
          field={fields.ambassadorId as FieldMetadata<string | undefined>}
          placeholder={t("knowledge.editor.ambassadorNone")}
          options={ambassadors.map((a) => ({ value: String(a.id), label: a.name }))}
          help={t("knowledge.editor.ambassadorHelp")}
        />
      ) : null}
      <KnowledgeTagFields fields={fields} />
    </>
  );
}

/** The tags of an item (themes, phases, sizes, sectors): the editor's and borging's alike. */
export function KnowledgeTagFields({
  fields,
}: {
  fields: Pick<KnowledgeFieldSet, "themes" | "sectors" | "lifePhases" | "sizeClasses">;
}) {
  const { t } = useTranslation();
  const themeOptions = useTagOptions(themes);
  const sectorOptions = useTagOptions(sectors);
  const phaseOptions = useTagOptions(lifePhases);
  const sizeOptions = useTagOptions(sizeClasses);
  return (
    <fieldset className="knowledge-tag-fields">
      <legend>{t("knowledge.editor.tagsTitle")}</legend>
      <p className="field-help">{t("knowledge.editor.tagsHelp")}</p>
      <ChoiceGroup
        legend={t("knowledge.editor.themes")}
        field={fields.themes}
        options={themeOptions}
        type="checkbox"
      />
      <ChoiceGroup
        legend={t("knowledge.editor.lifePhases")}
        field={fields.lifePhases}
        options={phaseOptions}
        type="checkbox"
      />
      <ChoiceGroup
        legend={t("knowledge.editor.sizeClasses")}
        field={fields.sizeClasses}
        options={sizeOptions}
        type="checkbox"
      />
      <ChoiceGroup
        legend={t("knowledge.editor.sectors")}
        field={fields.sectors}
        options={sectorOptions}
        type="checkbox"
      />
    </fieldset>
  );
}
