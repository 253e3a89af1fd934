import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input } from "zod/v4/core";

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

/*
 * Forms (D32): zod runs on the server only. A route's schemas live in a `*.server.ts` module
 * under app/forms/, which Remix replaces with an empty module in the browser build, so no page
 * loads zod. The action parses with `parseForm`; the loader hands `formConstraint(schema)` to the
 * page, whose `useForm` puts those attributes (required, maxLength, min, ...) on the inputs and
 * shows the action's errors (`lastResult`) next to each field.
 */

/** What the page's `useForm<FormInput<typeof Schema>>` is typed with (a type only: no zod). */
export type FormInput<Schema extends $ZodType> = input<Schema>;

export type FormConstraint = ReturnType<typeof getZodConstraint>;

const constraints = new WeakMap<$ZodType, FormConstraint>();

/** The schema's constraint attributes for conform, worked out once per schema. */
export function formConstraint(schema: $ZodType): FormConstraint {
  let constraint = constraints.get(schema);
  if (!constraint) {
    constraint = getZodConstraint(schema);
    constraints.set(schema, constraint);
  }
  return constraint;
}

/** The request's form, parsed with the schema (conform's coercion: "" is absent, "3" a number). */
export async function parseForm<Schema extends $ZodType>(request: Request, schema: Schema) {
  return parseFields(await readFormData(request), schema);
}

/** The same for fields already read, when an action looks at one (its intent) before parsing. */
export function parseFields<Schema extends $ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}
