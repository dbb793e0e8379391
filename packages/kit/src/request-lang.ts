import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANG, type Lang } from '@maison/config';

const scope = new AsyncLocalStorage<Lang>();

/** Runs a subgraph request with its verified language, for what is written far from the context (formatError, scalar parsing). */
export const runInLang = <T>(lang: Lang, fn: () => T): T => scope.run(lang, fn);

/** The language of the request being served; French outside one. */
export const requestLang = (): Lang => scope.getStore() ?? DEFAULT_LANG;
