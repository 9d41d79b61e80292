// The peers of the webhook intake benchmark, one per process: node peers.mjs slack|github|discord PORT
// Each verifies the platform's signature and acknowledges, as its library documents; none stores anything.
import http from 'node:http';
import fs from 'node:fs';
import bolt from '@slack/bolt';
import { Webhooks, createNodeMiddleware } from '@octokit/webhooks';
import express from 'express';
import { verifyKeyMiddleware, InteractionType, InteractionResponseType } from 'discord-interactions';

const [kind, portText] = process.argv.slice(2);
const port = Number(portText);
const secrets = JSON.parse(fs.readFileSync(new URL('./results/secrets.json', import.meta.url)));

if (kind === 'slack') {
  // botId and botUserId set, so Bolt makes no auth.test call; the receiver verifies and acks.
  const receiver = new bolt.HTTPReceiver({ signingSecret: secrets.slack, endpoints: '/slack/events' });
  const app = new bolt.App({ receiver, token: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'UBOT', tokenVerificationEnabled: false,
    logLevel: bolt.LogLevel.ERROR });
  app.event('app_mention', async () => {});
  await app.start(port);
} else if (kind === 'github') {
  const webhooks = new Webhooks({ secret: secrets.github });
  webhooks.on('issue_comment', () => {});
  http.createServer(createNodeMiddleware(webhooks, { path: '/api/github/webhooks' })).listen(port, '127.0.0.1');
} else if (kind === 'discord') {
  const app = express();
  app.post('/interactions', verifyKeyMiddleware(secrets.discordPublicKey), (req, res) => {
    const type = req.body.type === InteractionType.PING
      ? InteractionResponseType.PONG
      : InteractionResponseType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE;
    res.send({ type });
  });
  app.listen(port, '127.0.0.1');
} else {
  console.error('usage: node peers.mjs slack|github|discord PORT');
  process.exit(2);
}
