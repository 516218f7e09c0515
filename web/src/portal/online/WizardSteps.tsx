import { Steps } from 'antd';

export const wizardSteps = ['Nơi nộp', 'Thông tin', 'Giấy tờ', 'Kiểm tra, nộp'] as const;
const fullTitles = [
  'Chọn nơi nộp hồ sơ',
  'Điền thông tin',
  'Tải giấy tờ lên',
  'Kiểm tra và nộp hồ sơ',
] as const;

/** The four steps of an online application, compact enough for a 360 px phone. */
export function WizardSteps({ current, onChange }: { current: number; onChange?: (step: number) => void }) {
  return (
    <nav aria-label="Các bước nộp hồ sơ" className="online-steps">
      <Steps
        size="small"
        responsive={false}
        titlePlacement="vertical"
        current={current}
        onChange={onChange}
        items={wizardSteps.map((title, index) => ({
          title,
          // The first step (the place) cannot be changed once the draft exists.
          disabled: !onChange || index === 0,
        }))}
      />
      <p className="visually-hidden" aria-live="polite">
        Bước {current + 1} trên {wizardSteps.length}: {fullTitles[current]}
      </p>
    </nav>
  );
}

export function stepHeading(step: number): string {
  return `Bước ${step + 1}/${wizardSteps.length}: ${fullTitles[step] ?? ''}`;
}
