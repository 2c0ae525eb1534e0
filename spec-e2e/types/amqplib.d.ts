/**
 * The part of amqplib 0.8 (the promise API, installed with elasticio-sailor-nodejs) this suite uses.
 * The project has no @types/amqplib and adds no dependencies, so the shapes are declared here.
 */
declare module 'amqplib' {
  export type HeaderValue = string | number | boolean | null | undefined | HeaderValue[] | { [key: string]: HeaderValue };
  export type MessageHeaders = Record<string, HeaderValue>;

  export interface MessageProperties {
    headers: MessageHeaders;
    contentType?: string;
    contentEncoding?: string;
    messageId?: string;
    expiration?: string;
  }

  export interface MessageFields {
    deliveryTag: number;
    redelivered: boolean;
    exchange: string;
    routingKey: string;
    consumerTag?: string;
  }

  export interface Message {
    content: Buffer;
    fields: MessageFields;
    properties: MessageProperties;
  }

  export interface PublishOptions {
    headers?: MessageHeaders;
    contentType?: string;
    contentEncoding?: string;
    persistent?: boolean;
    mandatory?: boolean;
    expiration?: string | number;
  }

  export interface QueueState {
    queue: string;
    messageCount: number;
    consumerCount: number;
  }

  export interface Channel {
    assertExchange(name: string, type: 'direct' | 'topic' | 'fanout', options?: { durable?: boolean; autoDelete?: boolean }): Promise<{ exchange: string }>;
    assertQueue(name: string, options?: { durable?: boolean; exclusive?: boolean; autoDelete?: boolean; arguments?: MessageHeaders }): Promise<QueueState>;
    checkQueue(name: string): Promise<QueueState>;
    deleteQueue(name: string): Promise<{ messageCount: number }>;
    bindQueue(queue: string, exchange: string, routingKey: string): Promise<unknown>;
    consume(queue: string, onMessage: (message: Message | null) => void, options?: { noAck?: boolean }): Promise<{ consumerTag: string }>;
    cancel(consumerTag: string): Promise<unknown>;
    ack(message: Message): void;
    sendToQueue(queue: string, content: Buffer, options?: PublishOptions): boolean;
    publish(exchange: string, routingKey: string, content: Buffer, options?: PublishOptions): boolean;
    prefetch(count: number): Promise<unknown>;
    close(): Promise<void>;
    on(event: 'error' | 'close', listener: (error?: Error) => void): this;
  }

  export interface ConfirmChannel extends Channel {
    waitForConfirms(): Promise<void>;
  }

  export interface Connection {
    createChannel(): Promise<Channel>;
    createConfirmChannel(): Promise<ConfirmChannel>;
    close(): Promise<void>;
    on(event: 'error' | 'close', listener: (error?: Error) => void): this;
  }

  export function connect(url: string): Promise<Connection>;
}
