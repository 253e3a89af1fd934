import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Toast } from "~/utils/toast.server";
import { useRevalidateOn } from "./live";

type Shown = Pick<Toast, "kind" | "key" | "values"> & { id: number };

/**
 * Flash messages from the server (after a redirect) and notices from live events, announced
 * politely to screen readers and dismissible.
 */
export function Toaster({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    if (toast) setShown({ ...toast, id: Date.now() });
  }, [toast]);

  useRevalidateOn(["roles.changed"], () => {
    setShown({ kind: "info", key: "live.rolesChanged", id: Date.now() });
  });

  return (
    <div className="toaster" role="status" aria-live="polite">
      {shown ? (
        <div className={`toast toast-${shown.kind}`} key={shown.id} data-testid="toast">
          <p>{t(shown.key as never, shown.values ?? {}) as string}</p>
          <button
            type="button"
            className="toast-close"
            onClick={() => setShown(null)}
            aria-label={t("common.close")}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
