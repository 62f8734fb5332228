import type { Random } from '../random/seeded-random';
import { FAMILY_NAMES, GIVEN_NAMES } from './kenyan-places';
import type { SimulatedAuthor } from './post-types';

const NICKNAMES = [
  'mwas',
  'kevo',
  'shiro',
  'wanjesh',
  'otis',
  'ciku',
  'njoro',
  'kibet',
  'nyokabi',
  'odhis',
] as const;

/**
 * The simulated public: a pool of regulars who post about the utility now and then, and an endless supply of
 * first-time posters (an outage brings out many people who never mention the utility otherwise).
 */
export interface AuthorPool {
  /** Someone from the everyday crowd. */
  regular(): SimulatedAuthor;
  /** A new account, never seen before. */
  fresh(): SimulatedAuthor;
}

export function createAuthorPool(random: Random, regularCount = 2_000): AuthorPool {
  const usedHandles = new Set<string>();
  const regulars: SimulatedAuthor[] = [];

  function handleFor(given: string, family: string): string {
    const g = given.toLowerCase();
    const f = family.toLowerCase();
    const candidates = [
      `${g}_${f}`,
      `${g}${f.charAt(0)}${random.int(1, 999)}`,
      `the_real_${g}`,
      `${g}_254`,
      `${given}${family}`,
      `${random.pick(NICKNAMES)}_ke`,
      `${g}.${f}`.replace('.', ''),
    ];
    let handle = random.pick(candidates).slice(0, 15);
    while (usedHandles.has(handle.toLowerCase())) {
      handle = `${handle.slice(0, 11)}${random.int(10, 9_999)}`.slice(0, 15);
    }
    usedHandles.add(handle.toLowerCase());
    return handle;
  }

  function make(): SimulatedAuthor {
    const given = random.pick(GIVEN_NAMES);
    const family = random.pick(FAMILY_NAMES);
    // Most accounts are small; a few have large followings (log-normal, median ~180 followers).
    const followersCount = Math.max(0, Math.round(random.logNormal(180, 1.5)));
    return { username: handleFor(given, family), name: `${given} ${family}`, followersCount };
  }

  return {
    regular: () => {
      if (regulars.length < regularCount) {
        const author = make();
        regulars.push(author);
        return author;
      }
      return random.pick(regulars);
    },
    fresh: make,
  };
}
