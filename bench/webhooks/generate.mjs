// node generate.mjs COUNT OFFSET [PLATFORM]: writes results/<platform>.tsv (all three unless one is named), COUNT signed requests numbered from OFFSET, one per
// line as "header\tvalue\t...\t\tbody", each with its own event id and message, so the ChatCouncil inbox stores
// every one instead of dropping duplicates. The secrets and the Discord key pair live in results/secrets.json,
// made on the first call and reused, so servers started once accept the requests of every later call.
import crypto from 'node:crypto';
import fs from 'node:fs';

const count = Number(process.argv[2] ?? 20000);
const offset = Number(process.argv[3] ?? 0);
// 'github-ping' is the GitHub request sent as a signed `ping`: verified, parsed and answered, nothing stored. It shows
// what the HTTP path costs without the inbox.
const ping = process.argv[4] === 'github-ping';
const only = ping ? 'github' : process.argv[4];
const dir = new URL('./results/', import.meta.url);
fs.mkdirSync(dir, { recursive: true });
const secretsFile = new URL('secrets.json', dir);
if (!fs.existsSync(secretsFile)) {
  const pair = crypto.generateKeyPairSync('ed25519');
  fs.writeFileSync(secretsFile, JSON.stringify({
    slack: crypto.randomBytes(16).toString('hex'),
    github: crypto.randomBytes(16).toString('hex'),
    discordPublicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'),
    discordPrivateKey: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }),
  }));
}
const secrets = JSON.parse(fs.readFileSync(secretsFile));
const privateKey = crypto.createPrivateKey(secrets.discordPrivateKey);

const padding = 'x'.repeat(1500); // brings each Slack body to about 2 KB, as a real app_mention with blocks is
const now = () => Math.floor(Date.now() / 1000).toString();
const lines = { slack: [], github: [], discord: [] };
for (let i = offset; i < offset + count; i++) {
  const t = now();
  const ts = `1700000000.${String(i).padStart(6, '0')}`;
  if (!only || only === 'slack') {
    const slack = JSON.stringify({
      token: 'bench', team_id: 'T0BENCH', api_app_id: 'A0BENCH', type: 'event_callback', event_id: `EvBench${i}`, event_time: 1700000000,
      event: { type: 'app_mention', user: 'U0USER', text: `<@UBOT> question ${i} ${padding}`, ts, channel: `C${i % 64}`, event_ts: ts,
        client_msg_id: crypto.randomUUID() },
      authorizations: [{ team_id: 'T0BENCH', user_id: 'UBOT', is_bot: true }],
    });
    const slackSig = 'v0=' + crypto.createHmac('sha256', secrets.slack).update(`v0:${t}:${slack}`).digest('hex');
    lines.slack.push(['Content-Type', 'application/json', 'X-Slack-Request-Timestamp', t, 'X-Slack-Signature', slackSig, '', slack].join('\t'));
  }

  if (!only || only === 'github') {
    const github = JSON.stringify({
      action: 'created', issue: { number: 1 + (i % 64), title: 'bench' },
      comment: { id: 100000 + i, body: `@chatcouncil question ${i}`, user: { login: 'alice', id: 1, type: 'User' }, created_at: '2026-01-01T00:00:00Z' },
      repository: { name: 'app', full_name: 'acme/app', owner: { login: 'acme' } }, sender: { login: 'alice', id: 1, type: 'User' },
      installation: { id: 1 },
    });
    const githubSig = 'sha256=' + crypto.createHmac('sha256', secrets.github).update(github).digest('hex');
    lines.github.push(['Content-Type', 'application/json', 'X-GitHub-Event', ping ? 'ping' : 'issue_comment', 'X-GitHub-Delivery', crypto.randomUUID(),
      'X-Hub-Signature-256', githubSig, '', github].join('\t'));
  }

  if (!only || only === 'discord') {
    const id = (1200000000000000000n + BigInt(i)).toString();
    const discord = JSON.stringify({
      type: 2, id, application_id: '1100000000000000000', token: `token-${i}`, guild_id: '1400000000000000000',
      channel_id: `13000000000000000${String(i % 64).padStart(2, '0')}`, member: { user: { id: '1000000000000000001', username: 'alice' } },
      data: { name: 'council', options: [{ name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: `question ${i}` }] }] },
    });
    const discordSig = crypto.sign(null, Buffer.from(t + discord), privateKey).toString('hex');
    lines.discord.push(['Content-Type', 'application/json', 'X-Signature-Timestamp', t, 'X-Signature-Ed25519', discordSig, '', discord].join('\t'));
  }
}
for (const [name, rows] of Object.entries(lines)) {
  if (only && name !== only) continue;
  fs.writeFileSync(new URL(`${ping ? 'github-ping' : name}.tsv`, dir), rows.join('\n') + '\n');
}
