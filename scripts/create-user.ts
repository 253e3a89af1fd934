/**
 * Creates an account from the shell, e.g. the first organiser:
 *   npm run user:create -- --email marieke@example.nl --name "Marieke" --role organiser
 * The password is read from KRINGWIJS_PASSWORD or asked for on the terminal (never an argument,
 * so it does not land in the shell history).
 */
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { z } from "zod";
import { roles } from "../app/domain/states";
import { createUser } from "../app/models/users.server";
import { closeDb, getDb, migrateDatabase } from "../app/utils/db.server";
import { isCommonPassword } from "../app/utils/password.server";
import { emailField, newPasswordField, requiredText } from "../app/utils/validation";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", multiple: true },
  },
});

async function readPassword() {
  if (process.env.KRINGWIJS_PASSWORD) return process.env.KRINGWIJS_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (at least 10 characters): ");
  rl.close();
  return answer;
}

const Input = z.object({
  email: emailField,
  name: requiredText(100),
  roles: z.array(z.enum(roles)).min(1),
  password: newPasswordField.refine((p) => !isCommonPassword(p), "common password"),
});

const parsed = Input.safeParse({
  email: values.email,
  name: values.name ?? values.email?.split("@")[0],
  roles: values.role?.length ? values.role : ["entrepreneur"],
  password: await readPassword(),
});
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(1);
}

migrateDatabase(getDb());
const id = await createUser({ ...parsed.data, verified: true });
closeDb();
if (id === null) {
  console.error(`An account with ${parsed.data.email} already exists.`);
  process.exit(1);
}
console.log(
  `Created user ${id} (${parsed.data.email}) with roles: ${parsed.data.roles.join(", ")}`,
);
