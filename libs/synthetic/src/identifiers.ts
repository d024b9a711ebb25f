import { sirenFromBody } from '@maillage/domain';

/**
 * Issues unique synthetic SIREN and RNA numbers. Numbers of one generator never repeat; two
 * generators with different blocks (00–99) never collide either: the block is the first two
 * digits after the prefix. Within the block, an affine bijection scatters the sequence.
 */
export class IdentifierIssuer {
  private sirens = 0;
  private rnas = 0;

  constructor(
    private readonly block: number,
    private readonly scatter: number,
  ) {
    if (!Number.isInteger(block) || block < 0 || block > 99)
      throw new Error(`identifier block must be 0..99: ${block}`);
  }

  /** 9-digit SIREN with a valid Luhn checksum (up to 1,000,000 per block). */
  nextSiren(): string {
    const n = this.sirens++;
    if (n >= 1_000_000) throw new Error('more than 1,000,000 SIRENs in one identifier block');
    const six = (n * 7_919 + this.scatter) % 1_000_000; // 7919 is coprime with 10^6: a bijection
    return sirenFromBody(`${pad(this.block, 2)}${pad(six, 6)}`);
  }

  /** RNA: "W" + 9 digits (up to 10,000,000 per block). */
  nextRna(): string {
    const n = this.rnas++;
    if (n >= 10_000_000) throw new Error('more than 10,000,000 RNAs in one identifier block');
    const seven = (n * 104_729 + this.scatter) % 10_000_000; // 104729 is coprime with 10^7
    return `W${pad(this.block, 2)}${pad(seven, 7)}`;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
