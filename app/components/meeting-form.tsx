import type { FieldMetadata } from "@conform-to/react";
import { ChoiceGroup, Field, SelectField, TextareaField } from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";

type Meta = FieldMetadata<string | number | undefined>;

export type MeetingFieldSet = {
  title: Meta;
  date: Meta;
  endDate: Meta;
  startTime: Meta;
  endTime: Meta;
  locationKind: Meta;
  address: Meta;
  hostUserId: Meta;
  videoUrl: Meta;
  agenda: Meta;
  capacity: Meta;
};

export type HostOption = {
  userId: number;
  name: string;
  company: string | null;
  municipality: string | null;
};

/**
 * The fields of a meeting, shared by "plan" and "change". All three location sections are in
 * the page; CSS shows the one whose kind is picked (works before the scripts have loaded).
 */
export function MeetingFields({ fields, hosts }: { fields: MeetingFieldSet; hosts: HostOption[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("meeting.field.title")} field={fields.title} />
      <fieldset className="meeting-times">
        <legend>{t("meeting.field.when")}</legend>
        <p className="field-help">{t("meeting.field.whenHelp")}</p>
        <div className="meeting-times-grid">
          <Field label={t("meeting.field.date")} field={fields.date} type="date" />
          <Field
            label={t("meeting.field.startTime")}
            field={fields.startTime}
            inputProps={{ type: "time" }}
          />
          <Field
            label={t("meeting.field.endTime")}
            field={fields.endTime}
            inputProps={{ type: "time" }}
          />
          <Field
            label={t("meeting.field.endDate")}
            field={fields.endDate}
            type="date"
            help={t("meeting.field.endDateHelp")}
          />
        </div>
      </fieldset>
      <ChoiceGroup
        legend={t("meeting.field.location")}
        field={fields.locationKind as FieldMetadata<string | undefined>}
        type="radio"
        options={[
          { value: "address", label: t("meeting.kind.address") },
          { value: "company", label: t("meeting.kindLong.company") },
          { value: "video", label: t("meeting.kind.video") },
        ]}
      />
      <div className="location-section location-host">
        {hosts.length === 0 ? (
          <p className="muted">{t("meeting.field.noHosts")}</p>
        ) : (
          <SelectField
            label={t("meeting.field.host")}
            field={fields.hostUserId as FieldMetadata<string | undefined>}
            placeholder={t("common.choose")}
            options={hosts.map((h) => ({
              value: String(h.userId),
              label: h.company ? `${h.name} (${h.company})` : h.name,
            }))}
          />
        )}
      </div>
      <div className="location-section location-address">
        <Field
          label={t("meeting.field.address")}
          field={fields.address}
          help={t("meeting.field.addressHelp")}
        />
      </div>
      <div className="location-section location-video">
        <Field
          label={t("meeting.field.videoUrl")}
          field={fields.videoUrl}
          help={t("meeting.field.videoUrlHelp")}
          inputProps={{ type: "url", inputMode: "url", placeholder: "https://" }}
        />
      </div>
      <TextareaField
        label={t("meeting.field.agenda")}
        field={fields.agenda as FieldMetadata<string | undefined>}
        help={t("meeting.field.agendaHelp")}
        rows={8}
      />
      <Field
        label={t("meeting.field.capacity")}
        field={fields.capacity}
        type="number"
        help={t("meeting.field.capacityHelp")}
        inputProps={{ min: 1, max: 500, inputMode: "numeric" }}
      />
    </>
  );
}
