import { AUDIENCES, REGIONS } from '@jalon/domain';
import { describe, expect, it } from 'vitest';
import * as dashboard from '../../apps/dashboard/src/lib/vocabulary.js';

// The dashboard sees only @jalon/contracts (type-only), so the closed lists its forms offer are
// a copy of the domain's: this keeps the copy true.
describe('lists the dashboard mirrors from the domain', () => {
  it('offers exactly the regions and audiences of DOMAIN.md', () => {
    expect(dashboard.REGIONS).toEqual(REGIONS);
    expect(dashboard.AUDIENCES).toEqual(AUDIENCES);
  });
});
