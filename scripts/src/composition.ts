import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { ROOT, sdlPath, SUBGRAPHS } from './services';

/** Builds a subgraph's SDL from its compiled code (`npm run build`), in a process of its own. */
export function generateSdl(name: string): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'dist', 'print-sdl.js'), name], { encoding: 'utf8' });
}

/** Composes the supergraph from the committed SDL files; throws with every composition error. */
export function composeSupergraph(read: (name: string) => string = (name) => readFileSync(sdlPath(name), 'utf8')): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql`, typeDefs: parse(read(s.name)) })));
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
