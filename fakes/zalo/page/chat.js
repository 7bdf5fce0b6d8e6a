// The chat page of the fake Zalo: one Zalo user per browser tab, talking to the OA through the fake.
"use strict";

(function () {
  const POLL_MS = 1000;
  const messages = document.getElementById("messages");
  const followButton = document.getElementById("follow");
  const fileInput = document.getElementById("file");
  const textInput = document.getElementById("text");
  let lastSeq = 0;

  // A Zalo user id is a string of 18–19 digits; each tab keeps its own, so two tabs are two citizens.
  const userId = sessionStorage.getItem("fakeZaloUserId") || newUserId();
  sessionStorage.setItem("fakeZaloUserId", userId);
  document.getElementById("user-id").textContent = `Người dùng ${userId}`;

  function newUserId() {
    const digits = crypto.getRandomValues(new Uint8Array(18)).map((byte) => byte % 10);
    return `${1 + (digits[0] % 9)}${digits.slice(1).join("")}`;
  }

  async function send(action) {
    const response = await fetch("/__page/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userId, ...action }),
    });
    await poll();
    return response.ok;
  }

  async function attach(file) {
    const query = new URLSearchParams({ userId, name: file.name });
    await fetch(`/__page/attach?${query}`, {
      method: "POST",
      headers: { "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
    await poll();
  }

  async function poll() {
    const query = new URLSearchParams({ userId, after: String(lastSeq) });
    const response = await fetch(`/__page/messages?${query}`);
    if (!response.ok) return;
    const { messages: fresh } = await response.json();
    for (const message of fresh) {
      if (message.seq <= lastSeq) continue;
      lastSeq = message.seq;
      messages.append(bubble(message));
    }
    if (fresh.length > 0) messages.scrollTop = messages.scrollHeight;
  }

  function bubble(message) {
    const element = document.createElement("div");
    element.className = `bubble ${message.from}`;
    if (message.imageUrl) {
      const image = document.createElement("img");
      image.src = message.imageUrl;
      image.alt = "Ảnh";
      element.append(image);
    }
    if (message.fileName) element.append(`📄 ${message.fileName}`);
    if (message.text) element.append(message.text);
    if (message.elements) element.append(elementList(message.elements));
    if (message.buttons || message.asksForInfo) element.append(buttonsOf(message));
    return element;
  }

  function elementList(elements) {
    const list = document.createElement("ul");
    list.className = "elements";
    for (const { title, subtitle } of elements) {
      const item = document.createElement("li");
      item.textContent = subtitle ? `${title} — ${subtitle}` : title;
      list.append(item);
    }
    return list;
  }

  // As in Zalo: a query button sends its payload as the user's text; "show" also shows its title in the chat.
  function buttonsOf(message) {
    const box = document.createElement("div");
    box.className = "buttons";
    for (const button of message.buttons || []) {
      if (button.type === "oa.query.show" || button.type === "oa.query.hide") {
        const hidden = button.type === "oa.query.hide";
        box.append(tapButton(button.title, { action: "text", text: button.payload, shownAs: button.title, hidden }));
      } else {
        const link = document.createElement("a");
        const payload = button.payload || {};
        link.href =
          button.type === "oa.open.url"
            ? payload.url
            : button.type === "oa.open.phone"
              ? `tel:${payload.phone_code}`
              : `sms:${payload.phone_code}?body=${encodeURIComponent(payload.content || "")}`;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = button.title;
        box.append(link);
      }
    }
    if (message.asksForInfo) box.append(tapButton("Chia sẻ thông tin", { action: "submitInfo" }));
    return box;
  }

  function tapButton(title, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = title;
    button.addEventListener("click", () => void send(action));
    return button;
  }

  function showFollowed() {
    followButton.textContent = "Đã quan tâm";
    followButton.disabled = true;
  }

  followButton.addEventListener("click", async () => {
    if (await send({ action: "follow" })) {
      sessionStorage.setItem("fakeZaloFollowed", "1");
      showFollowed();
    }
  });
  if (sessionStorage.getItem("fakeZaloFollowed")) showFollowed();

  document.getElementById("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textInput.value.trim();
    if (!text) return;
    textInput.value = "";
    void send({ action: "text", text });
  });
  document.getElementById("location").addEventListener("click", () => void send({ action: "location" }));
  document.getElementById("attach").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (file) void attach(file);
  });

  fetch("/__page/oa")
    .then((response) => response.json())
    .then(({ name }) => {
      document.getElementById("oa-name").textContent = name;
      document.title = `${name} — Zalo giả lập`;
    });
  void poll();
  setInterval(() => void poll(), POLL_MS);
})();
