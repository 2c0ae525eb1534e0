/** The part of elasticio-node the component uses (the package ships no types). */
declare module 'elasticio-node' {
  export interface ElasticMessage {
    id: string;
    body: unknown;
    headers: Record<string, unknown>;
    attachments: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }
  export const messages: {
    newMessageWithBody(body: unknown): ElasticMessage;
    newEmptyMessage(): ElasticMessage;
  };
}
