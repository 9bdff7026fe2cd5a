import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { EVERYONE, Roles } from '../auth/roles.js';
import { Projector, type ReachedHead } from '../projection/projector.js';

/** Under CONTRACT.md's 15 s, so that a proxy's idle timeout of 15 s never cuts a quiet stream. */
export const HEARTBEAT_MS = 10_000;
/** How often the stream checks that its token is still good (expired, or revoked by a password change). */
export const TOKEN_CHECK_MS = 2_000;

/** One server-sent event `head`: the position the read models reached and its event's hash. */
export const headMessage = (head: ReachedHead) => `event: head\ndata: ${JSON.stringify({ position: head.position, hash: head.hash })}\n\n`;

@ApiTags('changes')
@Controller('api/v1/changes')
export class ChangesController {
  constructor(
    @Inject(Projector) private readonly projector: Projector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'Live updates: the read models\' position, as server-sent events',
    description:
      'text/event-stream. On connect and each time the read models reach a new position: `event: head` with ' +
      '`data: {"position": N, "hash": "…"}` (the hash of event N, 64 zeros at 0). A comment line at least every 15 s. ' +
      'The stream ends when the token expires or is revoked. Send the token in the Authorization header.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'a stream of `head` events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  stream(@Req() req: Request, @Res() res: Response): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no'); // a reverse proxy must pass each event on at once
    res.flushHeaders();
    res.write(': jalon live updates\n\n');
    res.write(headMessage(this.projector.head));
    const unfollow = this.projector.follow((head) => res.write(headMessage(head)));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const token = bearer(req);
    const check = setInterval(() => void this.stillSignedIn(token).then((ok) => ok || res.end()), TOKEN_CHECK_MS);
    res.on('close', () => {
      unfollow();
      clearInterval(heartbeat);
      clearInterval(check);
    });
  }

  private async stillSignedIn(token: string): Promise<boolean> {
    return (await this.auth.authenticate(token).catch(() => undefined)) !== undefined;
  }
}

/** The guard has already accepted this header. */
function bearer(req: Request): string {
  return /^Bearer[ \t]+(\S+)/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
}
