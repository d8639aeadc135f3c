/** The longest delay a Node timer takes (about 24.8 days, 596 hours); a longer one fires at once, with a warning. */
export const MAX_TIMER_MS = 2_147_483_647;
