// The tools/list a naive OpenAPI-to-MCP generator emits, as the token benchmark's baseline: every
// operation becomes a tool named after its operationId, described by its summary and description,
// with every parameter and the request body in one inputSchema whose $refs are all inlined. A $ref
// met again inside its own expansion (Stripe's schemas are circular) is left as a $ref.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function pointer(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, token) => {
      if (node === undefined || node === null || !(token in node)) throw new Error(`unresolvable $ref ${ref}`);
      return node[token];
    }, spec);
}

function inline(spec, value, stack = []) {
  if (Array.isArray(value)) return value.map((item) => inline(spec, item, stack));
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.$ref === 'string') {
    if (stack.includes(value.$ref)) return { $ref: value.$ref };
    return inline(spec, pointer(spec, value.$ref), [...stack, value.$ref]);
  }
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = inline(spec, item, stack);
  return out;
}

function operationName(method, path, operation) {
  return operation.operationId ?? `${method}_${path}`;
}

// Returns [{ name, description, inputSchema }] for every operation of an OpenAPI 3 document.
export function naiveTools(spec) {
  const tools = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // Responses are not part of a tool; only what goes into the request is inlined.
      const parameters = new Map();
      for (const parameter of inline(spec, [...(item.parameters ?? []), ...(operation.parameters ?? [])]))
        parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      const properties = {};
      const required = [];
      for (const parameter of parameters.values()) {
        const schema = { ...(parameter.schema ?? {}) };
        if (parameter.description) schema.description = parameter.description;
        properties[parameter.name] = schema;
        if (parameter.required) required.push(parameter.name);
      }
      const body = inline(spec, operation.requestBody);
      if (body?.content) {
        const mediaType = body.content['application/json'] ? 'application/json' : Object.keys(body.content)[0];
        const schema = { ...(body.content[mediaType]?.schema ?? {}) };
        if (body.description) schema.description = body.description;
        properties.requestBody = schema;
        if (body.required) required.push('requestBody');
      }
      const inputSchema = { type: 'object', properties };
      if (required.length) inputSchema.required = required;
      tools.push({
        name: operationName(method, path, operation),
        description: [operation.summary, operation.description].filter(Boolean).join('\n\n'),
        inputSchema,
      });
    }
  }
  return tools;
}
