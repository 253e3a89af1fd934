import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";

export type Replyable = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
    resetForm?: boolean;
  }): SubmissionResult<string[]>;
};

/** The one shape of a rejected form: conform's reply (input kept, errors per field) and a 400. */
export function badRequest(submission: Replyable, options?: Parameters<Replyable["reply"]>[0]) {
  return json(submission.reply(options), { status: 400 });
}

/** "Try again in N minutes", as an i18n key with its count. */
export function tooManyAttempts(retryAfterSeconds: number, key = "auth.tooManyAttempts") {
  return `${key}|${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

/** The request's form fields; a body that is not a form is a 400, never a 500. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw json({ status: 400 }, { status: 400 });
  }
}
