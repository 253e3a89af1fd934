import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chooseEncoding, compressResponses } from "./compression.server";

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0 and the wildcard", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*, br;q=0")).toBe("gzip");
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

const page = `<!DOCTYPE html><html><body>${"<p>Kringwijs</p>".repeat(200)}</body></html>`;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(compressResponses({ threshold: 1024, immutablePrefix: "/build/" }));
  app.get("/page", (_req, res) => {
    res.type("html");
    // Written in pieces, as a rendered page is.
    res.write(page.slice(0, 100));
    res.end(page.slice(100));
  });
  app.get("/small", (_req, res) => res.type("html").send("<p>kort</p>"));
  app.get("/image", (_req, res) => res.type("png").send(Buffer.alloc(4096)));
  app.get("/build/app.js", (_req, res) => {
    res.type("js").send(`console.log(${JSON.stringify("x".repeat(5000))});`);
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A raw GET (fetch would decode the body), returning the headers and the bytes as sent. */
function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(`${base}${path}`, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("compressResponses", () => {
  it("sends a page in one compressed piece with its length, brotli or gzip", async () => {
    const br = await get("/page", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-length"]).toBe(String(br.body.length));
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);

    const gzip = await get("/page", { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(page);
  });

  it("leaves small, incompressible and unasked-for responses as they are", async () => {
    const small = await get("/small", { "Accept-Encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("<p>kort</p>");
    expect(small.headers.vary).toBe("Accept-Encoding");

    const image = await get("/image", { "Accept-Encoding": "br" });
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.length).toBe(4096);

    const plain = await get("/page");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(plain.body.toString()).toBe(page);

    const head = await get("/page", { "Accept-Encoding": "br" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it("keeps the compressed body of an immutable asset per encoding", async () => {
    const brotli = vi.spyOn(zlib, "brotliCompressSync");
    const first = await get("/build/app.js", { "Accept-Encoding": "br" });
    const second = await get("/build/app.js", { "Accept-Encoding": "br" });
    expect(brotli).toHaveBeenCalledTimes(1);
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.body.equals(first.body)).toBe(true);
    expect(zlib.brotliDecompressSync(second.body).toString()).toContain("console.log");
    const gzip = await get("/build/app.js", { "Accept-Encoding": "gzip" });
    expect(zlib.gunzipSync(gzip.body).toString()).toContain("console.log");
    await get("/page", { "Accept-Encoding": "br" });
    await get("/page", { "Accept-Encoding": "br" });
    expect(brotli).toHaveBeenCalledTimes(3);
    brotli.mockRestore();
  });
});
