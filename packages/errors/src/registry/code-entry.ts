import type { Message } from './message';

/** A value of extensions.reason: what a client branches on, and what it reads. */
export interface ReasonEntry extends Message {
  readonly description: string;
}

/** A GraphQL error code (extensions.code) a client can see. */
export interface GraphQLCodeEntry {
  readonly description: string;
  /** The HTTP status of an answer whose only error has this code. */
  readonly httpStatus: number;
  /** When the status can differ: inside a partial answer, say. */
  readonly httpNote?: string;
  /** Who writes its message: the house (the messages below) or Apollo Server and GraphQL.js (their own English). */
  readonly writtenBy: 'house' | 'apollo';
  /** Its messages: `default` and the variants its raisers pick by name, each a whole message. */
  readonly messages: Readonly<Record<string, Message>>;
  /** Its values of extensions.reason, each with its message. */
  readonly reasons?: Readonly<Record<string, ReasonEntry>>;
}
