/**
 * A concrete chat for Node tests. The `ai` package ships only `AbstractChat` (the framework packages such as
 * @ai-sdk/react wrap it); this is the smallest subclass, with an in-memory `ChatState`, so tests drive the server
 * with exactly the client code `useChat` runs.
 */
import { AbstractChat, type ChatInit, type ChatState, type ChatStatus, type UIMessage } from 'ai';

class MemoryChatState<UI_MESSAGE extends UIMessage> implements ChatState<UI_MESSAGE> {
  status: ChatStatus = 'ready';
  error: Error | undefined = undefined;
  messages: UI_MESSAGE[];

  constructor(messages: UI_MESSAGE[] = []) {
    this.messages = messages;
  }

  pushMessage = (message: UI_MESSAGE) => {
    this.messages = [...this.messages, message];
  };

  popMessage = () => {
    this.messages = this.messages.slice(0, -1);
  };

  replaceMessage = (index: number, message: UI_MESSAGE) => {
    this.messages = [...this.messages.slice(0, index), message, ...this.messages.slice(index + 1)];
  };

  snapshot = <T>(thing: T): T => structuredClone(thing);
}

/** `new NodeChat({ transport: new DefaultChatTransport({ api }) })`, then `await chat.sendMessage({ text })`. */
export class NodeChat<UI_MESSAGE extends UIMessage> extends AbstractChat<UI_MESSAGE> {
  constructor({ messages, ...init }: ChatInit<UI_MESSAGE>) {
    super({ ...init, state: new MemoryChatState<UI_MESSAGE>(messages) });
  }
}
