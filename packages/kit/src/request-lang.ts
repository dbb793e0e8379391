import { DEFAULT_LANG, type Lang } from '@maison/config';
import { requestContext } from '@maison/telemetry';

/** The language of the request being served (its RequestContext), for what is written far from the context (formatError, scalar parsing); French outside one. */
export const requestLang = (): Lang => requestContext()?.lang ?? DEFAULT_LANG;
