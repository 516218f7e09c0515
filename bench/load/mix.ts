import { Client, login, type Recorder } from './http-client.ts';

// The request mix of the load test: what a province's portal and one-stop desks see in a working hour. Each
// arrival is one HTTP request. Reads are independent; online applications and desk work are chains of requests
// (a draft is started, filled, documents attached, submitted; a dossier is received, handled, signed, returned),
// so an arrival of those kinds takes the next step of a chain that is not waiting for an answer, or starts a new
// chain when all are busy — arrivals never wait for earlier answers (open model).

const PASSWORD = 'Motcua@2026';
const officers = {
  desk: 'motcua.vithanh@demo.motcua.vn',
  specialist: 'chuyenvien.vithanh@demo.motcua.vn',
  head: 'truongphong.vithanh@demo.motcua.vn',
  leader: 'lanhdao.vithanh@demo.motcua.vn',
  clerk: 'vanthu.vithanh@demo.motcua.vn',
};
const CITIZEN = 'congdan@demo.motcua.vn';
const ONLINE_PROCEDURE = '1.001193'; // birth registration, online with two uploads
const WALK_IN_PROCEDURE = '1.003583';
const SEARCH_TERMS = ['khai sinh', 'kết hôn', 'đất đai', 'hộ kinh doanh', 'chứng thực', 'xây dựng', 'cư trú'];

/** Kinds and their share of arrivals. */
export const MIX: [kind: Kind, weight: number][] = [
  ['catalog', 35],
  ['portal', 20],
  ['lookup', 15],
  ['online', 15],
  ['office', 15],
];
export type Kind = 'catalog' | 'portal' | 'lookup' | 'online' | 'office';

type Cookies = Record<keyof typeof officers | 'citizen', string>;
type Dossier = { id: string; version: number; code: string | null; trackingCheck?: string | null };
type Mine = Dossier & { documentSlots: { slot: string; required: boolean }[] };

interface Chain {
  busy: boolean;
  step: number;
  dossier?: Dossier;
  slots?: string[];
  fileId?: string;
  phone?: string;
}

const officeSteps: [keyof typeof officers, (fileId: string) => unknown, string][] = [
  ['desk', () => ({ type: 'complete_step', comment: 'Chuyển phòng chuyên môn' }), 'office.forward'],
  ['specialist', () => ({ type: 'complete_step', comment: 'Đủ điều kiện' }), 'office.assess'],
  ['head', () => ({ type: 'complete_step', comment: 'Trình ký' }), 'office.review'],
  ['leader', () => ({ type: 'approve' }), 'office.approve'],
  ['clerk', (fileId) => ({ type: 'issue_result', resultFileId: fileId }), 'office.issue'],
  ['desk', () => ({ type: 'return_result', channel: 'counter' }), 'office.return'],
];

/** A tiny deterministic generator: the same run draws the same sequence of kinds and parameters. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pdf = (text: string) =>
  new Blob([`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`], { type: 'application/pdf' });

export class Workload {
  readonly client: Client;
  private readonly random: () => number;
  private cookies!: Cookies;
  private deskAgency = '';
  private onlineAgency = '';
  private procedureCodes: string[] = [];
  private resultFileId = '';
  private readonly online: Chain[] = [];
  private readonly office: Chain[] = [];
  /** Code and check of dossiers the run received: the public look-up asks about them. */
  readonly tracked: { code: string; check: string }[] = [];
  /** Chains finished: dossiers submitted online, dossiers returned at the desk. */
  readonly done = { onlineSubmitted: 0, walkInsReceived: 0, returned: 0 };
  private serial = 0;

  constructor(base: string, recorder: Recorder, seed = 20261207) {
    this.client = new Client(base, recorder);
    this.random = seededRandom(seed);
  }

  async setup() {
    const base = this.client.base;
    const entries = await Promise.all(
      Object.entries({ ...officers, citizen: CITIZEN }).map(
        async ([key, email]) => [key, await login(base, email, PASSWORD)] as const,
      ),
    );
    this.cookies = Object.fromEntries(entries) as Cookies;
    const agencies = (await (await fetch(`${base}/api/agencies`)).json()) as { id: string; slug: string }[];
    this.deskAgency = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id ?? '';
    const page = (await (await fetch(`${base}/api/procedures?pageSize=100`)).json()) as {
      items: { code: string }[];
    };
    this.procedureCodes = page.items.map((p) => p.code);
    const info = (await (await fetch(`${base}/api/procedures/${ONLINE_PROCEDURE}/application`)).json()) as {
      receivingOptions: { receivingAgencyId: string; receivingAgencyName: string }[];
    };
    this.onlineAgency =
      info.receivingOptions.find((o) => /Vị Thanh/.test(o.receivingAgencyName))?.receivingAgencyId ?? '';
    const form = new FormData();
    form.set('file', pdf('ket qua'), 'ket-qua.pdf');
    const upload = await fetch(`${base}/api/office/files`, {
      method: 'POST',
      headers: { cookie: this.cookies.clerk },
      body: form,
    });
    this.resultFileId = ((await upload.json()) as { fileId: string }).fileId;
    if (!this.deskAgency || !this.onlineAgency || !this.resultFileId || this.procedureCodes.length === 0)
      throw new Error('load setup: the demo data is missing (agency, procedures or result file)');
  }

  /** Draws the next kind of the mix. */
  nextKind(): Kind {
    const total = MIX.reduce((sum, [, w]) => sum + w, 0);
    let r = this.random() * total;
    for (const [kind, weight] of MIX) {
      r -= weight;
      if (r < 0) return kind;
    }
    return 'catalog';
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  /** A citizen's address: the public look-up limits per client, and a province has many. */
  private citizenAddress() {
    const n = Math.floor(this.random() * 65_000);
    return `10.${(n >> 8) & 255}.${n & 255}.${1 + Math.floor(this.random() * 250)}`;
  }

  /** One arrival: starts its request and answers when it is done (errors are recorded, not thrown). */
  arrive(kind: Kind): Promise<void> {
    const run = {
      catalog: () => this.catalog(),
      portal: () => this.portal(),
      lookup: () => this.lookup(),
      online: () => this.onlineStep(),
      office: () => this.officeStep(),
    }[kind];
    return run().catch(() => undefined);
  }

  private async catalog() {
    if (this.random() < 0.5) {
      const q = encodeURIComponent(this.pick(SEARCH_TERMS));
      await this.client.call('catalog.search', `/api/procedures?q=${q}&page=1&pageSize=20`);
    } else await this.client.call('catalog.procedure', `/api/procedures/${this.pick(this.procedureCodes)}`);
  }

  private async portal() {
    const r = this.random();
    if (r < 0.3) await this.client.call('portal.news', '/api/news');
    else if (r < 0.55) await this.client.call('portal.fields', '/api/procedures/fields');
    else if (r < 0.8)
      await this.client.call(
        'portal.application',
        `/api/procedures/${this.pick(this.procedureCodes)}/application`,
        {
          expect: [200, 404, 409],
        },
      );
    else await this.client.call('portal.my-dossiers', '/api/my/dossiers', { cookie: this.cookies.citizen });
  }

  private async lookup() {
    const headers = { 'x-forwarded-for': this.citizenAddress() };
    if (this.tracked.length === 0 || this.random() < 0.1) {
      // A mistyped code: the same 404 as a wrong check.
      await this.client.call('lookup', `/api/dossiers/lookup?code=000.00.00.H00-261207-9999&check=0000`, {
        headers,
        expect: [404],
      });
      return;
    }
    const { code, check } = this.pick(this.tracked);
    await this.client.call(
      'lookup',
      `/api/dossiers/lookup?code=${encodeURIComponent(code)}&check=${encodeURIComponent(check)}`,
      { headers },
    );
  }

  /** An idle chain of `chains`, or a new one when every chain waits for an answer. */
  private idle(chains: Chain[]): Chain {
    let chain = chains.find((c) => !c.busy);
    if (!chain) {
      chain = { busy: false, step: 0 };
      chains.push(chain);
    }
    return chain;
  }

  private async runStep(chains: Chain[], step: (chain: Chain) => Promise<boolean>) {
    const chain = this.idle(chains);
    chain.busy = true;
    try {
      const finished = await step(chain);
      if (finished) chains.splice(chains.indexOf(chain), 1);
      else chain.step++;
    } catch (error) {
      // A failed chain is dropped (its error is counted); a new one takes its place.
      chains.splice(chains.indexOf(chain), 1);
      throw error;
    } finally {
      chain.busy = false;
    }
  }

  private onlineStep() {
    const cookie = this.cookies.citizen;
    return this.runStep(this.online, async (chain) => {
      const d = chain.dossier;
      if (chain.step === 0) {
        chain.dossier = await this.client.call<Mine>('online.start', '/api/my/dossiers', {
          cookie,
          json: { procedureCode: ONLINE_PROCEDURE, receivingAgencyId: this.onlineAgency },
        });
        return false;
      }
      if (!d) throw new Error('online chain without a dossier');
      if (chain.step === 1) {
        const filled = await this.client.call<Mine>('online.fill', `/api/my/dossiers/${d.id}/draft`, {
          method: 'PUT',
          cookie,
          json: {
            version: d.version,
            applicant: { fullName: 'Nguyễn Thị Hoa', citizenId: '093190001234', phone: '0912 345 678' },
            formData: {
              childFullName: 'Trần Minh An',
              childBirthDate: '2026-11-20',
              childSex: 'nam',
              placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
              motherFullName: 'Nguyễn Thị Hoa',
              relationship: 'me',
            },
          },
        });
        chain.dossier = filled;
        chain.slots = filled.documentSlots.filter((s) => s.required).map((s) => s.slot);
        return false;
      }
      const slot = chain.slots?.[0];
      if (slot !== undefined && !chain.fileId) {
        const form = new FormData();
        form.set('file', pdf(`giay to ${slot}`), `giay-to-${slot}.pdf`);
        chain.fileId = (
          await this.client.call<{ fileId: string }>('online.upload', '/api/my/files', { cookie, form })
        ).fileId;
        return false;
      }
      if (slot !== undefined) {
        chain.dossier = await this.client.call<Mine>('online.attach', `/api/my/dossiers/${d.id}/documents`, {
          cookie,
          json: { fileId: chain.fileId, slot },
        });
        chain.fileId = undefined;
        chain.slots?.shift();
        return false;
      }
      const submitted = await this.client.call<Mine>('online.submit', `/api/my/dossiers/${d.id}/actions`, {
        cookie,
        json: { version: d.version, action: { type: 'submit' } },
      });
      this.done.onlineSubmitted++;
      if (submitted.code && submitted.trackingCheck)
        this.tracked.push({ code: submitted.code, check: submitted.trackingCheck });
      return true;
    });
  }

  private officeStep() {
    return this.runStep(this.office, async (chain) => {
      if (chain.step === 0) {
        const n = ++this.serial;
        chain.phone = `09${String(10_000_000 + ((n * 7919) % 90_000_000)).padStart(8, '0')}`;
        chain.dossier = await this.client.call<Dossier>('office.intake', '/api/office/dossiers', {
          cookie: this.cookies.desk,
          json: {
            procedureCode: WALK_IN_PROCEDURE,
            receivingAgencyId: this.deskAgency,
            applicant: {
              fullName: 'Lê Văn Thử',
              phone: chain.phone,
              email: `nguoidan.${process.pid}.${n}@example.vn`,
            },
            documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
            complete: true,
          },
        });
        this.done.walkInsReceived++;
        if (chain.dossier.code) this.tracked.push({ code: chain.dossier.code, check: chain.phone.slice(-4) });
        return false;
      }
      const d = chain.dossier;
      const step = officeSteps[chain.step - 1];
      if (!d || !step) throw new Error('office chain out of steps');
      const [who, action, kind] = step;
      chain.dossier = {
        ...d,
        ...(await this.client.call<Dossier>(kind, `/api/office/dossiers/${d.id}/actions`, {
          cookie: this.cookies[who],
          headers: { prefer: 'return=minimal' },
          json: { version: d.version, action: action(this.resultFileId) },
        })),
      };
      if (chain.step === officeSteps.length) {
        this.done.returned++;
        return true;
      }
      return false;
    });
  }
}
