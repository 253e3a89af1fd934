/** The admin forms' schemas. Server only (D32). */
import { z } from "zod";
import { roles } from "~/domain/states";
import { idField } from "~/utils/validation";

export const RoleSchema = z.object({
  intent: z.enum(["grant", "revoke"], { error: "validation.invalid" }),
  userId: z.coerce.number({ error: "validation.invalid" }).int().positive(),
  role: z.enum(roles, { error: "validation.invalid" }),
});

export const RetrySchema = z.object({ id: idField });
