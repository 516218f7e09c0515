import { and, eq, inArray } from 'drizzle-orm';
import type { IndicatorKey } from '../modules/kpi/formulas.ts';
import { agencies } from '../modules/org/schema.ts';
import { createNode } from '../modules/reform-index/nodes.ts';
import { reformIndexYears, type ScaleStep } from '../modules/reform-index/schema.ts';
import { vietnamDate } from '../modules/reform-index/workflow.ts';
import { createYear, loadYear, transitionYear, updateYear } from '../modules/reform-index/years.ts';
import type { Db } from '../platform/db/connect.ts';

// The reform index (Chỉ số CCHC) of 2025 run by the Vị Thanh reform office (Phòng Nội vụ) for the wards and
// commune of the area: eight areas totalling 100 — the seven areas of Decision 876/QĐ-BNV plus the impact of
// reform (satisfaction survey 20, dossier ratings 6), as the plan's yearly index asks. Hậu Giang's own district
// index is UNCONFIRMED (rules.md §5), so these points are a configurable starting tree, not a legal text.
// The year is left open for self-scoring, its deadline 30 days after seeding.

export const INDEX_YEAR = 2025;
export const INDEX_TITLE = 'Xác định Chỉ số cải cách hành chính năm 2025 của các phường, xã';

type Leaf = [
  code: string,
  title: string,
  points: number,
  kind?: 'manual' | 'automatic' | 'survey',
  extra?: LeafExtra,
];
interface LeafExtra {
  evidence?: boolean;
  guidance?: string;
  indicatorKey?: IndicatorKey;
  scale?: ScaleStep[];
}
type Area = [
  code: string,
  title: string,
  points: number,
  leaves: (Leaf | [string, string, number, Leaf[]])[],
];

const ev = (guidance: string): LeafExtra => ({ evidence: true, guidance });
const strict: ScaleStep[] = [
  { min: 98, share: 1 },
  { min: 95, share: 0.75 },
  { min: 90, share: 0.5 },
];
const online: ScaleStep[] = [
  { min: 50, share: 1 },
  { min: 30, share: 0.5 },
];
const satisfaction: ScaleStep[] = [
  { min: 90, share: 1 },
  { min: 80, share: 0.75 },
  { min: 70, share: 0.5 },
  { min: 50, share: 0.25 },
];

const tree: Area[] = [
  [
    '1',
    'Công tác chỉ đạo, điều hành cải cách hành chính',
    12,
    [
      [
        '1.1',
        'Kế hoạch CCHC năm',
        3,
        [
          [
            '1.1.1',
            'Ban hành kế hoạch CCHC năm đúng thời hạn',
            1,
            'manual',
            ev(
              'Ban hành trước 31/12 năm trước: 1 điểm; chậm: 0 điểm. Minh chứng: quyết định ban hành kế hoạch.',
            ),
          ],
          [
            '1.1.2',
            'Mức độ hoàn thành kế hoạch CCHC',
            2,
            'manual',
            ev('100% nhiệm vụ: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm.'),
          ],
        ],
      ],
      [
        '1.2',
        'Báo cáo CCHC định kỳ đầy đủ, đúng thời hạn',
        2,
        'manual',
        ev(
          'Đủ, đúng hạn các báo cáo quý, năm: 2 điểm; thiếu hoặc chậm 1 báo cáo: 1 điểm; từ 2 báo cáo: 0 điểm.',
        ),
      ],
      [
        '1.3',
        'Kiểm tra công tác CCHC',
        2,
        'manual',
        ev('Có kế hoạch, thực hiện và xử lý sau kiểm tra: 2 điểm.'),
      ],
      [
        '1.4',
        'Tuyên truyền CCHC',
        2,
        'manual',
        ev('Hoàn thành kế hoạch tuyên truyền: 2 điểm; dưới 80%: 0 điểm.'),
      ],
      [
        '1.5',
        'Sáng kiến, giải pháp mới trong CCHC',
        3,
        'manual',
        ev(
          'Có sáng kiến được cấp có thẩm quyền công nhận: 3 điểm; có giải pháp áp dụng tại đơn vị: 1,5 điểm.',
        ),
      ],
    ],
  ],
  [
    '2',
    'Cải cách thể chế',
    8,
    [
      [
        '2.1',
        'Rà soát, hệ thống hóa văn bản quy phạm pháp luật',
        3,
        'manual',
        ev('Hoàn thành kế hoạch rà soát và công bố kết quả: 3 điểm.'),
      ],
      [
        '2.2',
        'Tổ chức thực hiện văn bản quy phạm pháp luật',
        3,
        'manual',
        { guidance: 'Triển khai đầy đủ, kịp thời văn bản của cấp trên: 3 điểm.' },
      ],
      [
        '2.3',
        'Theo dõi thi hành pháp luật',
        2,
        'manual',
        { guidance: 'Có kế hoạch và báo cáo theo dõi thi hành pháp luật: 2 điểm.' },
      ],
    ],
  ],
  [
    '3',
    'Cải cách thủ tục hành chính',
    16,
    [
      [
        '3.1',
        'Công khai thủ tục hành chính đầy đủ, đúng quy định',
        2,
        'manual',
        ev('100% TTHC được công khai tại bộ phận một cửa và trên cổng: 2 điểm.'),
      ],
      [
        '3.2',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        6,
        'automatic',
        {
          indicatorKey: 'on_time',
          scale: strict,
          guidance:
            'Tính từ hệ thống: từ 98% đủ điểm; 95% đến dưới 98%: 3/4; 90% đến dưới 95%: 1/2; dưới 90%: 0.',
        },
      ],
      [
        '3.3',
        'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC',
        2,
        'manual',
        { guidance: '100% phản ánh, kiến nghị được xử lý đúng hạn: 2 điểm.' },
      ],
      [
        '3.4',
        'Thực hiện cơ chế một cửa, một cửa liên thông',
        3,
        'manual',
        ev('Bộ phận một cửa đủ điều kiện, niêm yết, xin lỗi khi trễ hạn: 3 điểm.'),
      ],
      [
        '3.5',
        'Rà soát, đơn giản hóa thủ tục hành chính',
        3,
        'manual',
        ev('Có phương án đơn giản hóa được chấp thuận: 3 điểm.'),
      ],
    ],
  ],
  [
    '4',
    'Cải cách tổ chức bộ máy hành chính',
    7,
    [
      [
        '4.1',
        'Sắp xếp tổ chức bộ máy theo quy định',
        3,
        'manual',
        ev('Hoàn thành sắp xếp đúng tiến độ: 3 điểm.'),
      ],
      [
        '4.2',
        'Quản lý, sử dụng biên chế được giao',
        2,
        'manual',
        { guidance: 'Không vượt biên chế được giao: 2 điểm.' },
      ],
      [
        '4.3',
        'Thực hiện phân cấp, ủy quyền',
        2,
        'manual',
        { guidance: 'Thực hiện đầy đủ nhiệm vụ được phân cấp: 2 điểm.' },
      ],
    ],
  ],
  [
    '5',
    'Cải cách chế độ công vụ',
    9,
    [
      [
        '5.1',
        'Vị trí việc làm và cơ cấu ngạch công chức',
        2,
        'manual',
        { guidance: 'Bố trí đúng vị trí việc làm được phê duyệt: 2 điểm.' },
      ],
      [
        '5.2',
        'Đánh giá, xếp loại cán bộ, công chức',
        2,
        'manual',
        { guidance: 'Đánh giá đúng quy định, đúng thời hạn: 2 điểm.' },
      ],
      [
        '5.3',
        'Đào tạo, bồi dưỡng cán bộ, công chức',
        2,
        'manual',
        { guidance: 'Hoàn thành kế hoạch đào tạo, bồi dưỡng: 2 điểm.' },
      ],
      [
        '5.4',
        'Kỷ luật, kỷ cương hành chính',
        3,
        'manual',
        ev('Không có cán bộ, công chức bị kỷ luật: 3 điểm.'),
      ],
    ],
  ],
  [
    '6',
    'Cải cách tài chính công',
    6,
    [
      [
        '6.1',
        'Thực hiện dự toán ngân sách và công khai tài chính',
        3,
        'manual',
        ev('Công khai dự toán, quyết toán đúng quy định: 3 điểm.'),
      ],
      [
        '6.2',
        'Thực hành tiết kiệm, chống lãng phí',
        3,
        'manual',
        { guidance: 'Có chương trình và báo cáo kết quả: 3 điểm.' },
      ],
    ],
  ],
  [
    '7',
    'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    12,
    [
      [
        '7.1',
        'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
        3,
        'automatic',
        {
          indicatorKey: 'procedures_online',
          scale: online,
          guidance: 'Tính từ danh mục TTHC: từ 50% đủ điểm; 30% đến dưới 50%: 1/2.',
        },
      ],
      [
        '7.2',
        'Tỷ lệ hồ sơ nộp trực tuyến',
        4,
        'automatic',
        {
          indicatorKey: 'dossiers_online',
          scale: online,
          guidance: 'Tính từ hệ thống: từ 50% đủ điểm; 30% đến dưới 50%: 1/2.',
        },
      ],
      [
        '7.3',
        'Số hóa hồ sơ, kết quả giải quyết TTHC',
        2,
        'automatic',
        {
          indicatorKey: 'components_digitised',
          scale: [
            { min: 80, share: 1 },
            { min: 50, share: 0.5 },
          ],
          guidance: 'Từ 80% đủ điểm; 50% đến dưới 80%: 1/2.',
        },
      ],
      [
        '7.4',
        'Sử dụng văn bản điện tử, chữ ký số',
        3,
        'manual',
        ev('Từ 90% văn bản đi được ký số và gửi điện tử: 3 điểm.'),
      ],
    ],
  ],
  [
    '8',
    'Tác động của CCHC đến người dân, tổ chức (sự hài lòng)',
    30,
    [
      [
        '8.1',
        'Chỉ số hài lòng qua điều tra xã hội học',
        20,
        'survey',
        {
          scale: satisfaction,
          guidance:
            'Từ kết quả khảo sát sự hài lòng trong năm: từ 90% đủ điểm; 80%: 3/4; 70%: 1/2; 50%: 1/4.',
        },
      ],
      [
        '8.2',
        'Tỷ lệ hài lòng qua đánh giá từng hồ sơ',
        6,
        'automatic',
        {
          indicatorKey: 'satisfaction',
          scale: [
            { min: 95, share: 1 },
            { min: 90, share: 0.5 },
          ],
        },
      ],
      [
        '8.3',
        'Tác động của CCHC đến phát triển kinh tế – xã hội địa phương',
        4,
        'manual',
        ev('Hoàn thành các chỉ tiêu kinh tế – xã hội của năm: 4 điểm.'),
      ],
    ],
  ],
];

const isLeaf = (x: Leaf | [string, string, number, Leaf[]]): x is Leaf => !Array.isArray(x[3]);

export async function seedReformIndex(db: Db, now = new Date()): Promise<string> {
  const [office] = await db.select().from(agencies).where(eq(agencies.slug, 'vithanh-noi-vu'));
  if (!office) return 'Chỉ số CCHC: chưa có Phòng Nội vụ, bỏ qua.';
  const [existing] = await db
    .select({ id: reformIndexYears.id })
    .from(reformIndexYears)
    .where(and(eq(reformIndexYears.ownerUnitId, office.unitId), eq(reformIndexYears.year, INDEX_YEAR)));
  if (existing) return `Chỉ số CCHC ${INDEX_YEAR}: đã có.`;
  const wards = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      inArray(agencies.slug, [
        'cantho-phuong-vi-thanh-ubnd',
        'cantho-phuong-vi-tan-ubnd',
        'cantho-xa-hoa-luu-ubnd',
      ]),
    );
  const year = await createYear(
    db,
    office.unitId,
    { year: INDEX_YEAR, title: INDEX_TITLE, agencyIds: wards.map((w) => w.id) },
    now,
  );
  const add = async (
    parentId: string | null,
    code: string,
    title: string,
    points: number,
    kind: Leaf[3] | 'group',
    extra: LeafExtra = {},
  ) => {
    const node = await createNode(db, year, {
      parentId,
      code,
      title,
      kind: kind ?? 'manual',
      maxPoints: points,
      evidenceRequired: extra.evidence ?? false,
      guidance: extra.guidance ?? null,
      indicatorKey: extra.indicatorKey ?? null,
      scale: extra.scale ?? null,
    });
    if (!node) throw new Error('node not inserted');
    return node.id;
  };
  for (const [code, title, points, children] of tree) {
    const areaId = await add(null, code, title, points, 'group');
    for (const child of children) {
      if (isLeaf(child)) await add(areaId, child[0], child[1], child[2], child[3], child[4]);
      else {
        const groupId = await add(areaId, child[0], child[1], child[2], 'group');
        for (const leaf of child[3]) await add(groupId, leaf[0], leaf[1], leaf[2], leaf[3], leaf[4]);
      }
    }
  }
  const deadline = vietnamDate(new Date(now.getTime() + 30 * 86_400_000));
  await updateYear(db, year, { version: year.version, selfDeadline: deadline }, now);
  const updated = await loadYear(db, year.id);
  await transitionYear(db, updated, 'self_assessment', updated.version, now);
  return `Chỉ số CCHC ${INDEX_YEAR}: bộ tiêu chí 8 lĩnh vực (100 điểm), ${wards.length} đơn vị tự chấm đến ${deadline}.`;
}
