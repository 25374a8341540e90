// The API reference, built from this server's /openapi.json with DOM calls (every value goes in as text).
"use strict";

function schemaText(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((t) => t && t !== "null").join(" or ");
  if (schema.$ref) return schema.$ref.split("/").pop();
  const parts = [schema.type || ""];
  if (schema.enum) parts.push(`one of ${schema.enum.join(", ")}`);
  if (schema.pattern) parts.push(`pattern ${schema.pattern}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${schema.default}`);
  return parts.filter(Boolean).join(", ");
}

function resolve(spec, schema) {
  if (!schema || !schema.$ref) return schema;
  return schema.$ref.split("/").slice(1).reduce((node, key) => node[key], spec);
}

function parameterRows(spec, op) {
  const rows = (op.parameters || []).map((p) => el("tr", { class: "param" }, el("td", {}, el("code", {}, p.name)),
    el("td", {}, p.in), el("td", {}, p.required ? "required" : "optional"),
    el("td", {}, schemaText(resolve(spec, p.schema)), p.description ? ` · ${p.description}` : (p.schema && p.schema.description ? ` · ${p.schema.description}` : ""))));
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  if (body) {
    const model = resolve(spec, body.schema) || {};
    for (const [name, field] of Object.entries(model.properties || {})) {
      rows.push(el("tr", { class: "param" }, el("td", {}, el("code", {}, name)), el("td", {}, "body"),
        el("td", {}, (model.required || []).includes(name) ? "required" : "optional"),
        el("td", {}, schemaText(field), field.description ? ` · ${field.description}` : "")));
    }
  }
  return rows;
}

function route(spec, path, method, op) {
  const params = parameterRows(spec, op);
  const codes = Object.keys(op.responses || {}).join(", ");
  return el("section", { class: "card route", id: `${method}-${path}` },
    el("h2", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), " ", el("code", {}, path)),
    el("p", {}, op.summary || ""), op.description ? el("p", { class: "muted" }, op.description) : null,
    params.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"),
      el("th", {}, ""), el("th", {}, "value"))), el("tbody", {}, ...params)) : el("p", { class: "muted" }, "No parameters."),
    el("p", { class: "muted" }, `Answers: ${codes}`));
}

async function showDocs() {
  const spec = await api("/openapi.json");
  document.title = `${spec.info.title} ${spec.info.version} · API`;
  const box = document.getElementById("routes");
  box.append(el("p", {}, spec.info.description || ""));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) box.append(route(spec, path, method, op));
  }
  document.body.dataset.ready = "1";
}

nav();
showDocs().catch((e) => fail(document.getElementById("routes"), e));
