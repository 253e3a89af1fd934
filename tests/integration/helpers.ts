import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Server as IOServer } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { LoadContext } from "~/load-context";
import {
  attachRealtime,
  createPublisher,
  type LiveEvent,
  type Publisher,
} from "~/server/realtime.server";
import { createUser } from "~/models/users.server";
import type { Role } from "~/domain/states";
import type { DiscussionEvent } from "~/domain/discussions";
import { startSession } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { listOutbox } from "~/utils/outbox.server";
import { processOutbox } from "~/models/outbox.server";
import { resetEnvCache } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { memberships } from "../../db/schema";

export const BASE = "http://localhost:3000";

/** A publisher that remembers what it sent, standing in for Socket.IO in loader/action tests. */
export function recordingPublisher() {
  const sent: Array<{ userId: number | null; event: LiveEvent }> = [];
  const disconnected: number[] = [];
  const disconnectedSessions: string[] = [];
  const revalidated: number[] = [];
  const discussion: DiscussionEvent[] = [];
  const leftCircles: Array<{ userId: number; circleId: number }> = [];
  const meetingsChanged: Array<{ circleId: number; also: number[] }> = [];
  const publisher: Publisher = {
    toUser: (userId, event) => sent.push({ userId, event }),
    notified: (userIds) => {
      for (const userId of new Set(userIds))
        sent.push({ userId, event: { type: "notifications.changed" } });
    },
    toPublic: (event) => sent.push({ userId: null, event }),
    disconnectSession: (sessionId) => disconnectedSessions.push(sessionId),
    disconnectUser: (userId) => disconnected.push(userId),
    revalidateUser: (userId) => revalidated.push(userId),
    discussion: (events) => discussion.push(...events),
    leaveCircle: (userId, circleId) => leftCircles.push({ userId, circleId }),
    meetingsChanged: (circleId, also = []) => meetingsChanged.push({ circleId, also }),
    meetingsVersion: (circleId) => meetingsChanged.filter((c) => c.circleId === circleId).length,
    matchingRun: (userIds, event) => {
      for (const userId of new Set(userIds)) sent.push({ userId, event });
    },
  };
  return {
    publisher,
    sent,
    disconnected,
    disconnectedSessions,
    revalidated,
    discussion,
    leftCircles,
    meetingsChanged,
  };
}

export function makeContext(overrides: Partial<LoadContext> = {}): LoadContext {
  return {
    cspNonce: "test",
    clientIp: "127.0.0.1",
    publisher: recordingPublisher().publisher,
    documentRequest: false,
    serverHtml: new Map(),
    ...overrides,
  };
}

let counter = 0;
// Hashing once keeps tests that create many users fast.
let sharedHash: Promise<string> | undefined;
export async function makeUser(
  input: {
    roles?: Role[];
    verified?: boolean;
    password?: string;
    email?: string;
    name?: string;
  } = {},
) {
  counter += 1;
  const email = input.email ?? `user${counter}-${Date.now()}@example.nl`;
  const password = input.password ?? "een lang wachtwoord";
  sharedHash ??= hashPassword("een lang wachtwoord");
  const id = await createUser({
    name: input.name ?? `Gebruiker ${counter}`,
    email,
    password: input.password ? password : { hash: await sharedHash },
    roles: input.roles ?? ["entrepreneur"],
    verified: input.verified ?? true,
  });
  if (id === null) throw new Error("user exists");
  return { id, email, password };
}

/**
 * A person with a session, in one line: `const { id, cookie } = await signedIn({ roles: ["coach"] })`.
 * Takes what `makeUser` takes.
 */
export async function signedIn(input: Parameters<typeof makeUser>[0] = {}) {
  const user = await makeUser(input);
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

/** The Cookie header of a fresh session for `userId`. */
export async function sessionCookieFor(userId: number) {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0]!;
}

/** Form fields; an array becomes one entry per value, as checkboxes and multi-selects send them. */
export type Fields = Record<string, string | number | Blob | ReadonlyArray<string | number>>;

export function formRequest(
  pathname: string,
  fields: Fields,
  init: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) body.append(name, v instanceof Blob ? v : String(v));
  }
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${BASE}${pathname}`, { method: "POST", body, headers });
}

export function getRequest(
  pathname: string,
  init: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${BASE}${pathname}`, { headers });
}

export function actionArgs(
  request: Request,
  context: LoadContext = makeContext(),
  params: Record<string, string> = {},
): ActionFunctionArgs {
  return { request, context, params } as ActionFunctionArgs;
}

export function loaderArgs(
  request: Request,
  context: LoadContext = makeContext(),
  params: Record<string, string> = {},
): LoaderFunctionArgs {
  return { request, context, params } as LoaderFunctionArgs;
}

type RouteCall = {
  cookie?: string;
  params?: Record<string, string>;
  context?: LoadContext;
  headers?: Record<string, string>;
};

/**
 * Posts a form to a route's action and returns its Response, returned or thrown:
 * `const res = await submit(action, "/admin/users", { intent: "grant", userId, role }, { cookie })`.
 */
export function submit(
  action: (args: ActionFunctionArgs) => unknown,
  pathname: string,
  fields: Fields,
  { cookie, params = {}, context = makeContext(), headers }: RouteCall = {},
): Promise<Response> {
  const request = formRequest(pathname, fields, { cookie, headers });
  return settle(async () => action(actionArgs(request, context, params)));
}

/** Runs a route's loader for a GET of `pathname` and returns its Response, returned or thrown. */
export function load(
  loader: (args: LoaderFunctionArgs) => unknown,
  pathname: string,
  { cookie, params = {}, context = makeContext(), headers }: RouteCall = {},
): Promise<Response> {
  const request = getRequest(pathname, { cookie, headers });
  return settle(async () => loader(loaderArgs(request, context, params)));
}

/** Runs a loader or action and returns the Response, whether it was returned or thrown. */
export async function settle(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Waits for a mail to `to` whose subject matches, and returns it (mail can be sent in the background). */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Play the mail worker: send whatever the outbox holds.
    await processOutbox();
    const mail = (await listOutbox(500)).find((m) => m.to.includes(to) && subject.test(m.subject));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No mail to ${to} matching ${subject}`);
}

/**
 * A real SMTP server on a free port for the describe block it is called in; SMTP_URL points at
 * it meanwhile. `received` holds the parsed mails; `onMail` runs before the server answers "250 OK":
 * it can delay the answer, or refuse the mail by throwing an Error with a `responseCode`.
 */
export function withSmtpSink() {
  const sink = {
    received: [] as ParsedMail[],
    onMail: null as ((mail: ParsedMail) => void | Promise<void>) | null,
  };
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            sink.received.push(mail);
            try {
              await sink.onMail?.(mail);
            } catch (refusal) {
              sink.received.splice(sink.received.indexOf(mail), 1);
              throw refusal;
            }
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return sink;
}

/**
 * The app's Socket.IO server on a free port for the describe block (or file) it is called in,
 * with its real publisher. `open(headers)` connects a client (pass `{ Cookie }` to sign it in)
 * and collects the live events it hears.
 */
export function withRealtimeServer(options: Parameters<typeof attachRealtime>[1] = {}) {
  const server = {} as { io: IOServer; publisher: Publisher; url: string };
  const httpServer = http.createServer();
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server.io = attachRealtime(httpServer, options);
    server.publisher = createPublisher(server.io);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    server.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await new Promise<void>((resolve) => server.io.close(() => resolve()));
  });
  async function open(headers: Record<string, string> = {}) {
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: headers,
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    const events: LiveEvent[] = [];
    socket.on("live", (event: LiveEvent) => events.push(event));
    return { socket, events };
  }
  return Object.assign(server, { open });
}

export function linkIn(text: string, pathname: string) {
  const match = text.match(
    new RegExp(`https?://[^\\s]+${pathname.replace(/[/?]/g, "\\$&")}[^\\s]*`),
  );
  if (!match) throw new Error(`No ${pathname} link in mail`);
  return new URL(match[0]);
}

export async function outboxCount() {
  const dir = process.env.OUTBOX_DIR!;
  return (await fs.readdir(dir).catch(() => [])).filter((f) => path.extname(f) === ".eml").length;
}

import { createProgramme, defaultWeights } from "~/models/programmes.server";
import { createCircle, type CircleInput } from "~/models/circles.server";
import type { MeetingInput } from "~/models/meetings.server";
import { DEFAULT_HOUSE_RULES } from "~/domain/house-rules";
import {
  saveCompany,
  saveProfile,
  setReadyToMatch,
  type CompanyInput,
  type ProfileInput,
} from "~/models/profiles.server";

/**
 * An entrepreneur with a complete company and profile, ready to be matched: an evening-only
 * owner of a growing company in Overijssel unless told otherwise.
 */
export async function makeMatchableEntrepreneur(
  input: {
    user?: Parameters<typeof makeUser>[0];
    company?: Partial<CompanyInput>;
    profile?: Partial<ProfileInput>;
  } = {},
) {
  const user = await makeUser(input.user);
  saveCompany(user.id, {
    name: `Bedrijf ${user.id}`,
    kvkNumber: null,
    sector: "C",
    sbiDivision: null,
    employees: 5,
    foundedYear: 2012,
    lifePhase: "growing",
    province: "OV",
    municipality: `Plaats ${user.id}`,
    familyBusiness: false,
    ...input.company,
  });
  saveProfile(user.id, {
    companyRole: "owner",
    themes: ["growth"],
    dayParts: ["evening"],
    meetingMode: "either",
    willingToHost: false,
    competitorsOk: false,
    ...input.profile,
  });
  setReadyToMatch(user.id, true);
  return user;
}

/** The fields of the programme form, valid as they are. */
export const programmeFormFields = {
  name: "Programma",
  description: "Tekst",
  startsOn: "2027-01-01",
  endsOn: "2027-12-31",
  sizeMin: "4",
  sizeTarget: "6",
  sizeMax: "8",
  sectorPolicy: "mixed",
  "weights.phase": "3",
  "weights.size": "2",
  "weights.role": "2",
  "weights.themes": "2",
  "weights.sector": "1",
  "weights.region": "1",
};

/** A programme with the given coaches, created by an organiser. */
export async function makeProgramme(input: { coachIds?: number[]; name?: string } = {}) {
  const organiser = await makeUser({ roles: ["organiser"] });
  const id = createProgramme(organiser.id, {
    name: input.name ?? `Programma ${Date.now()}-${Math.random()}`,
    description: "",
    themes: ["growth"],
    province: "OV",
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
    sizeMin: 3,
    sizeTarget: 5,
    sizeMax: 8,
    sectorPolicy: "mixed",
    weights: defaultWeights,
    coachIds: input.coachIds ?? [],
  });
  return { id, organiser };
}

/** A circle with its own coach, open for applications unless told otherwise. */
export async function makeCircle(input: Partial<CircleInput> = {}) {
  const coach = await makeUser({ roles: ["coach"], name: "Anouk Coach" });
  const programme = await makeProgramme({ coachIds: [coach.id] });
  const id = createCircle(programme.organiser.id, programme.id, {
    name: `Kring ${Math.random().toString(36).slice(2, 7)}`,
    theme: "growth",
    description: "Een kring voor groeiende bedrijven.",
    status: "forming",
    capacityMin: 2,
    capacityMax: 3,
    timeCommitment: "6 bijeenkomsten",
    meetingMode: "in_person",
    dayPart: "evening",
    province: "OV",
    openForApplications: true,
    houseRules: DEFAULT_HOUSE_RULES,
    coachIds: [coach.id],
    ...input,
  });
  return { id, coach, programme };
}

/**
 * A circle with members who accepted the house rules, ready for discussions:
 * `const { id, coach, members } = await makeDiscussionCircle({ members: 3 })`.
 */
export async function makeDiscussionCircle(
  input: { members?: number; capacityMax?: number; status?: CircleInput["status"] } = {},
) {
  const circle = await makeCircle({
    capacityMax: input.capacityMax ?? Math.max(3, input.members ?? 2),
    status: input.status ?? "active",
  });
  const members: Array<Awaited<ReturnType<typeof makeUser>>> = [];
  for (let i = 0; i < (input.members ?? 2); i += 1) {
    const user = await makeUser({ name: `Lid ${i + 1} ${Math.random().toString(36).slice(2, 6)}` });
    getDb()
      .insert(memberships)
      .values({
        circleId: circle.id,
        userId: user.id,
        state: "member",
        houseRulesAcceptedAt: new Date(),
      })
      .run();
    members.push(user);
  }
  return { ...circle, members };
}

/**
 * A circle with members and a coach who are signed in: `const w = await signedInCircle(3)`
 * gives `w.circleId`, `w.params` for its routes, `w.members[i].cookie` and `w.coach.cookie`.
 */
export async function signedInCircle(members = 3, capacityMax?: number) {
  const circle = await makeDiscussionCircle({ members, capacityMax });
  const people = await Promise.all(
    circle.members.map(async (m) => ({ ...m, cookie: await sessionCookieFor(m.id) })),
  );
  return {
    circleId: circle.id,
    members: people,
    coach: { ...circle.coach, cookie: await sessionCookieFor(circle.coach.id) },
    params: { circleId: String(circle.id) },
  };
}

/** A route's outcome as the authorisation matrices name it (2xx "ok", the login, a redirect). */
export function outcomeOf(res: Response): "ok" | "login" | "redirect" | number {
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status === 302)
    return (res.headers.get("Location") ?? "").startsWith("/login") ? "login" : "redirect";
  return res.status;
}

type MatrixModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

/** One matrix case: the route's loader (a GET) or action (a form POST), as this user. */
export async function callRoute(
  mod: MatrixModule,
  kind: "loader" | "action",
  request: { path: string; fields?: Fields; params?: Record<string, string>; userId?: number },
): Promise<Response> {
  const cookie = request.userId ? await sessionCookieFor(request.userId) : undefined;
  return kind === "loader"
    ? load(mod.loader!, request.path, { cookie, params: request.params })
    : submit(mod.action!, request.path, request.fields ?? {}, { cookie, params: request.params });
}

/**
 * A meeting as the model takes it: online, two hours from `startsAt`, no agenda, no seat limit;
 * `meetingInput(startsAt, { capacity: 1 })` changes what a test is about.
 */
export function meetingInput(startsAt: Date, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Bijeenkomst",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    locationKind: "video",
    address: "",
    hostUserId: null,
    videoUrl: "https://meet.example.org/kring",
    agenda: "",
    capacity: null,
    ...overrides,
  };
}
