// English of whole sentences the core or the server words in Chinese and the web shows as they come: the
// trajectory editor's problems (core/targets.ts trajectoryProblem), the notes on a document's draft targets
// (intake/text/review.ts) and the implausible-entry dialog's problems (core/plausibility.ts). Their names are
// {placeholders}: translate() matches a sentence against these keys.
export const sentenceMessages: Record<string, string> = {
  // The client's own last resort, for a failure that brought no message (api.ts).
  '请求失败（{status}）': 'The request failed ({status})',
  '导入失败（{status}）': 'The import failed ({status})',
  '上传失败（{status}）': 'The upload failed ({status})',
  导入失败: 'The import failed',
  '月份应为 1—12，收到「{month}」': 'The month must be 1–12, not "{month}"',
  '{month}月的累计进度应为数字': 'The cumulative progress by month {month} must be a number',
  '{month}月的累计进度应在 0—100% 之间，收到 {percent}%':
    'The cumulative progress by month {month} must be between 0 and 100%, not {percent}%',
  '{month}月出现了两次': 'Month {month} appears twice',
  '{month}月的累计进度（{percent}%）不能低于之前的 {before}%':
    'The cumulative progress by month {month} ({percent}%) cannot be lower than the {before}% before it',
  '原文是区间（{range}），已按下限设定，请核对':
    'The text gives a range ({range}); the target is set at its lower end, please check',
  '指标库中没有「{indicator}」，请选择指标':
    'The indicator catalogue has no "{indicator}": choose an indicator',
  '原文单位「{unit}」与指标单位「{indicatorUnit}」不同，请核对数值':
    'The text\'s unit "{unit}" differs from the indicator\'s unit "{indicatorUnit}": please check the value',
  // The implausible-entry dialog's problems (core/plausibility.ts); amounts keep their unit as the catalogue has it.
  '本期累计 {value} 低于 {period} 的累计 {before}：累计值不应减少':
    'The cumulative {value} of this period is below the cumulative {before} of {period}: a cumulative value should not fall',
  '增速 {growth} 较上期 {before} 变动 {change}个百分点，超过 {threshold} 个百分点':
    'Growth {growth} moves {change} pp from {before} in the period before, more than {threshold} pp',
  '本期 {value} 是上年同期 {last} 的 {ratio} 倍':
    "This period's {value} is {ratio} times the {last} of a year earlier",
  '本期 {value} 只有上年同期 {last} 的 {share}%，不到十分之一':
    "This period's {value} is only {share}% of the {last} of a year earlier, under a tenth",
  // A key project's light reasons (core/projects/rows.ts), on the board, the drawer and the cockpit panel.
  '投资完成率低于时序进度 {lag} 个百分点': 'Investment completion {lag} pp behind time elapsed',
  '计划 {date} 开工，逾期 {months} 个月未开工': 'Planned to start on {date}; not started, {months} mo. late',
  '{date} 开工已 {months} 个月，尚未入库':
    'Started on {date} ({months} mo. ago); not yet in the statistics library',
  '文件没有写明年度：请先设定文件年度，再采纳目标':
    "The document names no year: set the document's year before accepting targets",
};
