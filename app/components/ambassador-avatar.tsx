import { initials } from "~/domain/ambassadors";
import { useTranslation } from "~/i18n/use-translation";

/**
 * An ambassador's photo, or their initials in a circle. With `decorative` (the name is in the
 * text beside it) the image has an empty alt and the initials are hidden from screen readers.
 */
export function AmbassadorAvatar({
  name,
  slug,
  photoVersion,
  size = "medium",
  decorative = false,
  src,
}: {
  name: string;
  slug: string;
  /** Set when a public photo exists; it busts caches after a change. */
  photoVersion: number | null;
  size?: "small" | "medium" | "large";
  decorative?: boolean;
  /** Another address than the public one (the owner's own preview). */
  src?: string;
}) {
  const { t } = useTranslation();
  const className = `amb-avatar amb-avatar-${size}`;
  if (photoVersion !== null || src)
    return (
      <img
        className={className}
        src={src ?? `/ambassadors/${slug}/photo?v=${photoVersion}`}
        alt={decorative ? "" : t("photoAlt", { name })}
        width={400}
        height={400}
        loading="lazy"
        decoding="async"
      />
    );
  return decorative ? (
    <span className={`${className} amb-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  ) : (
    <span className={`${className} amb-initials`} role="img" aria-label={t("initialsOf", { name })}>
      {initials(name)}
    </span>
  );
}
