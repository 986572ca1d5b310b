import type { User } from '../../src/domain/index.js';

/** The signed-in employer user the controller tests' hand-made adapters answer with. */
export const USER: User = {
  id: 'NAEF00',
  name: 'Namn Efternamn',
  side: 'employer',
  organisation: null,
  capabilities: { canClose: false, canAssign: true, canChooseOrganisation: false },
};
