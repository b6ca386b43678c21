// Checks every metadata file under the given directories against the Metadata API type definitions
// that ship with the Salesforce CLI (@salesforce/types, TypeScript declarations of every metadata
// type): each element must be a field of its parent's type and each enumerated value one of the
// allowed values. `sf project convert source` does not look inside files this way, so a misspelt
// element or a value such as <accessMethod>Put</accessMethod> would otherwise reach the org.
// Usage: node check-element-names.js CLI_NODE_MODULES FILE...
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, ...files] = process.argv.slice(2);
const load = (name) => require(require.resolve(name, { paths: [modules, path.join(modules, '@salesforce/cli')] }));
const { XMLParser } = load('fast-xml-parser');
const declarationsFile = [modules, path.join(modules, '@salesforce/cli/node_modules')]
    .map((dir) => path.join(dir, '@salesforce/types/lib/metadata.d.ts'))
    .find((f) => fs.existsSync(f));
if (!declarationsFile) {
    console.error(`no @salesforce/types/lib/metadata.d.ts under ${modules}`);
    process.exit(1);
}
const declarations = fs.readFileSync(declarationsFile, 'utf8');

// export type Name = Parent & { field?: Type[]; ... };   and   export type Enum = 'A' | 'B';
const objectTypes = new Map();
for (const m of declarations.matchAll(/export type (\w+) = ([^;{]*?)\{([\s\S]*?)\n\};/g)) {
    const fields = new Map();
    for (const line of m[3].split('\n')) {
        const f = line.match(/^\s+(\w+)\??: (\w+)(\[\])?;/);
        if (f) fields.set(f[1], f[2]);
    }
    const parents = [...m[2].matchAll(/(\w+) &/g)].map((p) => p[1]);
    objectTypes.set(m[1], { fields, parents });
}
const enumTypes = new Map();
for (const m of declarations.matchAll(/export type (\w+) = ('[^;]*');/g)) {
    enumTypes.set(m[1], m[2].split('|').map((v) => v.trim().replace(/^'|'$/g, '')));
}
function fieldsOf(type) {
    const t = objectTypes.get(type);
    if (!t) return null;
    const all = new Map(t.fields);
    for (const parent of t.parents) for (const [k, v] of fieldsOf(parent) || []) all.set(k, v);
    return all;
}

const rootTypes = {
    connectedApp: 'ConnectedApp', flexipage: 'FlexiPage', object: 'CustomObject', field: 'CustomField',
    permissionset: 'PermissionSet', tab: 'CustomTab', page: 'ApexPage',
};
const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, parseTagValue: false });
const problems = [];
function walk(nodes, type, where) {
    const fields = fieldsOf(type);
    if (!fields) return; // a scalar (string, boolean, number)
    for (const node of nodes) {
        for (const name of Object.keys(node)) {
            if (name === '#text' || name.startsWith('?')) continue;
            if (!fields.has(name)) {
                problems.push(`${where}: <${name}> is not a field of ${type}`);
                continue;
            }
            const fieldType = fields.get(name);
            const allowed = enumTypes.get(fieldType);
            const text = node[name].find((c) => '#text' in c);
            if (allowed && text && !allowed.includes(String(text['#text']))) {
                problems.push(`${where}: <${name}>${text['#text']}</${name}> is not one of ${fieldType}: ${allowed.join(', ')}`);
            }
            walk(node[name], fieldType, `${where}/${name}`);
        }
    }
}
for (const file of files) {
    const suffix = path.basename(file).replace(/-meta\.xml$/, '').split('.').pop();
    const doc = parser.parse(fs.readFileSync(file, 'utf8'));
    const root = doc.find((n) => !Object.keys(n)[0].startsWith('?'));
    const rootName = Object.keys(root)[0];
    const type = rootTypes[suffix] || rootName;
    if (!objectTypes.has(type)) {
        problems.push(`${file}: unknown metadata type ${type}`);
        continue;
    }
    walk(root[rootName], type, file);
}
if (problems.length) {
    problems.forEach((p) => console.error(p));
    console.error(`${problems.length} problems in ${files.length} metadata files`);
    process.exit(1);
}
console.log(`${files.length} metadata files use only known elements and values`);
