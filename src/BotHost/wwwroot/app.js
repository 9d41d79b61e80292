// ChatCouncil web chat: asks for an API key, lists models, and talks to /ws/chat.
// Model output is only ever written with textContent / text nodes, never as HTML.

const KEY_STORAGE = "chatcouncil.apiKey";
const PROTOCOL = "chatcouncil.v1";
const POLICY_VIOLATION = 1008; // the server closes with this when the key is rejected
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15000;

const $ = (id) => document.getElementById(id);
const ui = {
  status: $("status"),
  keyPanel: $("key-panel"),
  keyForm: $("key-form"),
  keyInput: $("api-key"),
  keyError: $("key-error"),
  forgetKey: $("forget-key"),
  chat: $("chat"),
  scroller: $("scroller"),
  emptyHint: $("empty-hint"),
  messages: $("messages"),
  modelPicker: $("model-picker"),
  modelSelect: $("model-select"),
  composer: $("composer"),
  input: $("message-input"),
  send: $("send"),
  stop: $("stop"),
  maxTokens: $("max-tokens"),
  temperature: $("temperature"),
};

const state = {
  key: readKey(),
  socket: null,
  ready: false,
  answer: null, // the assistant message being streamed, if any
  defaultModel: "",
  attempt: 0,
  reconnectTimer: 0,
};

function readKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) || "";
  } catch {
    return ""; // storage can be disabled; the key then lasts for this page only
  }
}

function storeKey(key) {
  state.key = key;
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // see readKey
  }
}

function setStatus(text, kind) {
  ui.status.textContent = text;
  ui.status.dataset.state = kind;
}

// ---- API key ---------------------------------------------------------------------------

function askForKey(error) {
  disconnect();
  ui.chat.hidden = true;
  ui.forgetKey.hidden = true;
  ui.modelPicker.hidden = true;
  ui.keyPanel.hidden = false;
  ui.keyError.hidden = !error;
  ui.keyError.textContent = error || "";
  ui.keyInput.value = "";
  setStatus(error ? "Not connected: the key was rejected." : "Not connected: an API key is needed.", "signed-out");
  ui.keyInput.focus();
}

ui.keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = ui.keyInput.value.trim();
  // The key travels as a WebSocket subprotocol, which only allows HTTP token characters.
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) {
    ui.keyError.hidden = false;
    ui.keyError.textContent = "That does not look like a ChatCouncil key (letters, digits and - _ . only).";
    return;
  }
  storeKey(key);
  start();
});

ui.forgetKey.addEventListener("click", () => {
  storeKey("");
  clearMessages();
  askForKey();
});

// ---- models ----------------------------------------------------------------------------

// Accepts {models:[…], defaults:{chat:"id"}} and a few close variants (a bare array, "data",
// per-model default flags), so the page keeps working while the REST shape settles.
function chatModels(body) {
  const list = Array.isArray(body) ? body : body?.models ?? body?.data ?? [];
  const defaults = Array.isArray(body) ? {} : body?.defaults ?? {};
  return list
    .map((m) => (typeof m === "string" ? { id: m } : m))
    .filter((m) => m && m.id && (!Array.isArray(m.roles) || m.roles.includes("chat")))
    .map((m) => ({
      id: String(m.id),
      name: String(m.displayName ?? m.name ?? m.id),
      isDefault:
        defaults.chat === m.id ||
        m.isDefault === true ||
        m.default === true ||
        (Array.isArray(m.defaultFor) && m.defaultFor.includes("chat")),
    }));
}

async function loadModels() {
  ui.modelSelect.disabled = true;
  let response;
  try {
    response = await fetch("models", { headers: { Authorization: `Bearer ${state.key}` } });
  } catch {
    return; // offline; the socket's reconnect loop reports it
  }
  if (response.status === 401) {
    storeKey("");
    askForKey("The server rejected this key. Check it and try again.");
    return;
  }
  if (!response.ok) {
    ui.modelSelect.replaceChildren(new Option("Server default", ""));
    ui.modelSelect.title = `The model list is unavailable (HTTP ${response.status}).`;
    return;
  }
  const models = chatModels(await response.json().catch(() => null));
  const fallback = models.find((m) => m.isDefault) ?? null;
  state.defaultModel = fallback?.id ?? "";
  const options = models.map((m) => {
    const option = new Option(m.isDefault ? `${m.name} (default)` : m.name, m.id);
    option.selected = m === fallback;
    return option;
  });
  if (!fallback) options.unshift(new Option("Server default", "", true, true));
  ui.modelSelect.replaceChildren(...options);
  ui.modelSelect.title = "";
  ui.modelSelect.disabled = models.length === 0;
}

// ---- connection ------------------------------------------------------------------------

function socketUrl() {
  const url = new URL("ws/chat", document.baseURI);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

function start() {
  ui.keyPanel.hidden = true;
  ui.chat.hidden = false;
  ui.forgetKey.hidden = false;
  ui.modelPicker.hidden = false;
  state.attempt = 0;
  loadModels();
  connect();
  ui.input.focus();
}

function connect() {
  clearTimeout(state.reconnectTimer);
  setStatus(state.attempt ? "Reconnecting…" : "Connecting…", "connecting");
  let socket;
  try {
    // Browsers cannot set headers on a WebSocket; the key rides in a subprotocol instead.
    socket = new WebSocket(socketUrl(), [PROTOCOL, `bearer.${state.key}`]);
  } catch {
    askForKey("This key cannot be sent to the server.");
    return;
  }
  state.socket = socket;
  socket.addEventListener("message", (event) => {
    if (socket === state.socket) onFrame(event.data);
  });
  socket.addEventListener("close", (event) => {
    if (socket === state.socket) onClose(event);
  });
}

function disconnect() {
  clearTimeout(state.reconnectTimer);
  const socket = state.socket;
  state.socket = null;
  state.ready = false;
  if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, "client closed");
  finishAnswer(null, "disconnected");
  updateControls();
}

async function onClose(event) {
  const wasReady = state.ready;
  state.socket = null;
  state.ready = false;
  finishAnswer(null, "The connection closed before the answer was complete.");
  updateControls();
  if (event.code === POLICY_VIOLATION) {
    storeKey("");
    askForKey(event.reason ? `The server rejected this key: ${event.reason}` : "The server rejected this key. Check it and try again.");
    return;
  }
  // A handshake refused with 401 shows up as a bare 1006 here; ask the REST API why.
  if (!wasReady && (await keyRejected())) {
    storeKey("");
    askForKey("The server rejected this key. Check it and try again.");
    return;
  }
  if (wasReady) notice("Connection lost. The next message starts a new conversation.");
  const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** state.attempt) * (0.75 + Math.random() * 0.5);
  state.attempt += 1;
  setStatus(`Disconnected. Reconnecting in ${Math.ceil(delay / 1000)} s…`, "offline");
  state.reconnectTimer = setTimeout(connect, delay);
}

async function keyRejected() {
  try {
    const response = await fetch("models", { headers: { Authorization: `Bearer ${state.key}` } });
    return response.status === 401;
  } catch {
    return false;
  }
}

function onFrame(data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch {
    return; // not ours to interpret
  }
  switch (frame.type) {
    case "ready":
      state.ready = true;
      state.attempt = 0;
      setStatus(`Connected${frame.model ? ` · ${frame.model}` : ""}`, "connected");
      ui.status.dataset.conversationId = frame.conversationId ?? "";
      updateControls();
      break;
    case "token":
      appendToken(String(frame.text ?? ""));
      break;
    case "done":
      finishAnswer(frame, null);
      break;
    case "error":
      showError(frame);
      break;
    default:
      break;
  }
}

// ---- conversation ----------------------------------------------------------------------

function addMessage(role, text) {
  const item = document.createElement("li");
  item.className = `message ${role}`;
  item.dataset.testid = `message-${role}`;
  const label = document.createElement("div");
  label.className = "role";
  label.textContent = role === "user" ? "You" : "Model";
  const content = document.createElement("div");
  content.className = "content";
  content.textContent = text;
  item.append(label, content);
  ui.messages.append(item);
  ui.emptyHint.hidden = true;
  scrollToEnd(true);
  return item;
}

function notice(text) {
  const item = document.createElement("li");
  item.className = "notice";
  item.textContent = text;
  ui.messages.append(item);
  scrollToEnd(false);
}

function clearMessages() {
  ui.messages.replaceChildren();
  ui.emptyHint.hidden = false;
}

function appendToken(text) {
  if (!state.answer) return;
  const content = state.answer.querySelector(".content");
  const nearEnd = isNearEnd();
  content.append(text); // a text node: never parsed as HTML
  scrollToEnd(nearEnd);
}

function finishAnswer(done, interruption) {
  const answer = state.answer;
  if (!answer) return;
  state.answer = null;
  answer.classList.remove("pending");
  answer.setAttribute("aria-busy", "false");
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.dataset.testid = "usage";
  if (done) {
    const usage = done.usage ?? {};
    const parts = [];
    if (done.finishReason === "length") parts.push("stopped at the token limit");
    if (done.finishReason === "cancelled") parts.push("stopped");
    parts.push(`${usage.promptTokens ?? "?"} prompt + ${usage.completionTokens ?? "?"} completion tokens`);
    if (typeof done.latencyMs === "number") parts.push(formatLatency(done.latencyMs));
    meta.textContent = parts.join(" · ");
    answer.dataset.finishReason = done.finishReason ?? "";
  } else {
    meta.textContent = interruption;
    meta.classList.add("error");
  }
  answer.append(meta);
  updateControls();
}

function showError(frame) {
  const message = `Error${frame.status ? ` ${frame.status}` : ""}: ${frame.message ?? "the request failed"}`;
  if (state.answer) {
    state.answer.classList.add("failed");
    finishAnswer(null, message);
  } else {
    notice(message);
  }
}

function formatLatency(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

function isNearEnd() {
  const s = ui.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 80;
}

function scrollToEnd(force) {
  if (force) ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

function numberOr(input, fallback) {
  const value = Number.parseFloat(input.value);
  return Number.isFinite(value) ? value : fallback;
}

function sendMessage() {
  const text = ui.input.value.trim();
  if (!text || !state.ready || state.answer) return;
  const frame = {
    type: "message",
    text,
    options: {
      maxTokens: Math.max(1, Math.round(numberOr(ui.maxTokens, 256))),
      temperature: Math.max(0, numberOr(ui.temperature, 0.7)),
    },
  };
  // Only name a model when the user picked one other than the server's default, so a hot swap
  // of the default reaches this page too.
  const chosen = ui.modelSelect.value;
  if (chosen && chosen !== state.defaultModel) frame.model = chosen;
  state.socket.send(JSON.stringify(frame));
  addMessage("user", text);
  state.answer = addMessage("assistant", "");
  state.answer.classList.add("pending");
  state.answer.setAttribute("aria-busy", "true");
  ui.input.value = "";
  updateControls();
}

ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  sendMessage();
});

ui.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    sendMessage();
  }
});

ui.input.addEventListener("input", updateControls);

ui.stop.addEventListener("click", () => {
  if (state.socket && state.answer) {
    state.socket.send(JSON.stringify({ type: "cancel" }));
    ui.stop.disabled = true;
  }
});

function updateControls() {
  const busy = state.answer !== null;
  ui.input.disabled = !state.ready;
  ui.send.disabled = !state.ready || busy || ui.input.value.trim() === "";
  ui.send.hidden = busy;
  ui.stop.hidden = !busy;
  ui.stop.disabled = !busy;
}

// ---- start -----------------------------------------------------------------------------

if (state.key) start();
else askForKey();
