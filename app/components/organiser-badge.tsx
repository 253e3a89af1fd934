import { useTranslation } from "~/i18n/use-translation";

/**
 * Marks an organiser among a circle's members, so everyone sees that programme staff are in the
 * room (they join only through the coach).
 */
export function OrganiserBadge() {
  const { t } = useTranslation();
  return (
    <>
      {" "}
      <span className="badge badge-warn" title={t("circle.organiserHint")}>
        {t("roles.organiser")}
      </span>
    </>
  );
}
