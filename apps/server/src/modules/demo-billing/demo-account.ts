/**
 * Made-up billing accounts for the demo hotline's "查询账单" branch: the same account number always
 * gives the same holder and balance, so a caller can try it with any 4–12 digits. Accounts
 * starting with 9 do not exist (the IVR's failure branch can be heard).
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['明', '华', '芳', '军', '丽', '强', '敏', '静', '磊', '燕'];

export interface DemoAccount {
  account: string;
  /** Masked as hotlines read it out: 王*明. */
  name: string;
  /** Yuan with two decimals, e.g. "128.50". */
  balance: string;
  /** YYYY-MM-DD: a day (from the digits) of the month after `today`. */
  dueDate: string;
}

export function demoAccount(account: string, today = new Date()): DemoAccount | undefined {
  if (!/^\d{4,12}$/.test(account) || account.startsWith('9')) return undefined;
  const digits = [...account].map(Number);
  // A small multiplicative hash of the digits: stable, and different for neighbouring numbers.
  const hash = digits.reduce((h, d) => (h * 31 + d + 7) % 1_000_003, 17);
  const cents = hash % 100_000;
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1 + (hash % 28)));
  return {
    account,
    name: `${SURNAMES[digits[0]!]}*${GIVEN[digits.at(-1)!]}`,
    balance: (cents / 100).toFixed(2),
    dueDate: due.toISOString().slice(0, 10),
  };
}
