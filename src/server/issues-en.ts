// English for the sentences a refused import carries: each issue's `expected` and `message` as the intake and
// the importer word them (src/intake, store/importer.ts, the trajectory rules of core/targets.ts). Names,
// values and column letters are kept; so are the Chinese words a file must itself contain (its headers, 是/否,
// 增速…), always in double quotes.

/** English for a Chinese sentence: a fixed text with $1… for its names, or a function of the match. */
export type Sentence = [RegExp, string | ((m: RegExpExecArray, en: (zh: string) => string) => string)];

/** '西湖区、余杭区' → '西湖区, 余杭区': a list of names joined the English way. */
const list = (s: string) => s.split('、').join(', ');

/** 'row 12 (西湖区 2025-06)' for each '第12行（西湖区 2025-06）' of a list. */
const rows = (s: string) => list(s.replace(/第(\d+)行（([^）]*)）/g, 'row $1 ($2)'));

const TRAJECTORY: Sentence[] = [
  [/^月份应为 1—12，收到「(.*)」$/, 'The month must be 1–12, not "$1"'],
  [/^(\d+)月的累计进度应为数字$/, 'The cumulative progress by month $1 must be a number'],
  [
    /^(\d+)月的累计进度应在 0—100% 之间，收到 (.+)%$/,
    'The cumulative progress by month $1 must be between 0 and 100%, not $2%',
  ],
  [/^(\d+)月出现了两次$/, 'Month $1 appears twice'],
  [
    /^(\d+)月的累计进度（(.+)%）不能低于之前的 (.+)%$/,
    'The cumulative progress by month $1 ($2%) cannot be lower than the $3% before it',
  ],
];

const CELLS: Sentence[] = [
  [
    /^数值超出范围：应为绝对值小于 10的15次方（1e15）的有限数$/,
    'Number out of range: expected a finite number smaller than 10^15 (1e15) in absolute value',
  ],
  [/^应为数字$/, 'Expected a number'],
  [
    /^应为数字（同比百分比，不带 % 号）$/,
    'Expected a number (year-on-year growth in percent, without a % sign)',
  ],
  [/^应为数字（目标值）$/, 'Expected a number (the target value)'],
  [/^不是数字$/, 'Not a number'],
  [/^期间无法识别$/, 'Period not recognised'],
  [/^重复行$/, 'Duplicate row'],
  [/^缺少地区$/, 'No region'],
  [/^缺少指标$/, 'No indicator'],
  [/^表头不全$/, 'Incomplete header'],
  [/^指标不能为空$/, 'The indicator must not be empty'],
  [/^地区不能为空$/, 'The region must not be empty'],
  [/^数值和同比不能都为空$/, 'The value and the growth must not both be empty'],
  [/^是否预计应为「是」「否」或留空$/, 'The forecast column must be "是" (yes), "否" (no) or blank'],
  [
    /^期间应为 YYYY-MM、2024年6月、2024Q2 或 2024年（年份 1949–2100，月份 1–12）$/,
    'The period must be YYYY-MM, "2024年6月", 2024Q2 or "2024年" (years 1949–2100, months 1–12)',
  ],
  [
    /^期间应为 YYYY-MM（年份 1949–2100，月份 1–12）$/,
    'The period must be YYYY-MM (years 1949–2100, months 1–12)',
  ],
  [
    /^应为期间，如「2019年6月」「2019年第二季度」「2019年」$/,
    'Expected a period such as "2019年6月", "2019年第二季度" or "2019年"',
  ],
  [/^表头缺少「(.+)」列（应为：(.+)）$/, 'The header lacks the column "$1" (expected: "$2")'],
  [
    /^这一行比表头多出单元格（表头只有 (\d+) 列）：可能多了一个逗号（如小数写成了「312,5」），数值会错位$/,
    'This row has more cells than the header ($1 columns): perhaps an extra comma (a decimal written "312,5"), which shifts the values',
  ],
  [
    /^这一行比表头多出单元格（表头只有 (\d+) 列）：可能多了一个逗号，数值会错位$/,
    'This row has more cells than the header ($1 columns): perhaps an extra comma, which shifts the values',
  ],
  [
    /^这一行比表头多出单元格（第 ([A-Z]+) 列）：可能多了一个逗号，数值会错位$/,
    'This row has more cells than the header (column $1): perhaps an extra comma, which shifts the values',
  ],
  [
    /^这一行只有 (\d+) 列，表头有 (\d+) 列：可能少了一个逗号，数值会错位$/,
    'This row has only $1 columns and the header $2: perhaps a missing comma, which shifts the values',
  ],
  [
    /^这一行比表头多出单元格（表头有 (\d+) 列）：数值会错位一个期间，请检查是否多了一个逗号$/,
    'This row has more cells than the header ($1 columns): the values would shift by one period; look for an extra comma',
  ],
  [
    /^这一行只有 (\d+) 列，表头有 (\d+) 列：数值会错位一个期间，请检查是否少了一个逗号$/,
    'This row has only $1 columns and the header $2: the values would shift by one period; look for a missing comma',
  ],
  [
    /^与第(\d+)行重复：同一指标、地区和期间只能有一行$/,
    'Same as row $1: one row per indicator, region and period',
  ],
  [
    /^与第(\d+)行重复：同一指标、地区、年度和力度只能有一个目标$/,
    'Same as row $1: one target per indicator, region, year and strength',
  ],
  [
    /^与第(\d+)行(?: 第(.+)列)?重复：同一地区、指标和期间只能有一个值$/,
    (m) => `Same as row ${m[1]}${m[2] ? ` column ${m[2]}` : ''}: one value per region, indicator and period`,
  ],
  [/^与第(\d+)行(?: 第(.+)列)?重复$/, (m) => `Same as row ${m[1]}${m[2] ? ` column ${m[2]}` : ''}`],
  [
    /^「(.+)」的第 ([A-Z]+) 列和第 ([A-Z]+) 列是同一项数据，无法确定用哪一列：请检查表头是否错位$/,
    'Columns $2 and $3 both hold "$1" and it is unclear which to use: check whether the header is shifted',
  ],
  [
    /^单元格 ([A-Z]+\d+) 是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次，或把公式换成数值$/,
    'Cell $1 is a formula but the file holds no computed result: open and save the file once in Excel or WPS, or replace the formula by its value',
  ],
];

const TARGETS: Sentence[] = [
  [/^年度应为四位年份，如 2025$/, 'The year must have four digits, e.g. 2025'],
  [
    /^类型应为 增速、总量、上限 或 下限$/,
    'The kind must be "增速" (growth), "总量" (amount), "上限" (ceiling) or "下限" (floor)',
  ],
  [/^目标值不能为空$/, 'The target value must not be empty'],
  [
    /^比较应为 ≈（左右）、>=（以上）或 <=（以内）$/,
    'The comparison must be ≈ ("左右", about), >= ("以上", at least) or <= ("以内", at most)',
  ],
  [
    /^力度应为 预期、确保 或 力争$/,
    'The strength must be "预期" (expected), "确保" (must) or "力争" (strive)',
  ],
  [
    /^分解应写成「月:累计百分比」，如 3:20,6:45,9:72,12:100（(.+)）$/,
    (m, en) =>
      `The breakdown must be written "month:cumulative percent", e.g. 3:20,6:45,9:72,12:100 (${en(m[1] ?? '')})`,
  ],
  [/^文件中没有数据行：表头之后没有目标$/, 'The file has no data rows: no targets follow the header'],
];

const RESOLVING: Sentence[] = [
  [
    /^地区名称有歧义，可能是：(.+)；请写地区代码或「上级\/名称」$/,
    (m) => `Ambiguous region name, it may be: ${list(m[1] ?? '')}; write the region code or "parent/name"`,
  ],
  [
    /^这个地区不在本系统载入的范围内（(.+)）：请删去这一行，或改为本系统中的地区$/,
    (m, en) =>
      `This region is not among the regions loaded here (${en(m[1] ?? '')}): delete the row or name a loaded region`,
  ],
  [/^本系统还没有载入任何地区$/, 'no regions are loaded yet'],
  [
    /^本系统载入的是(.+?)(?: 等 (\d+) 个地区)?及其下级地区$/,
    (m) =>
      `loaded are ${list(m[1] ?? '')}${m[2] ? ` (${m[2]} regions in all)` : ''} and the regions under them`,
  ],
  [
    /^已载入的地区中没有这个名称或代码，全国行政区划中也没有：请检查名称是否写错，或改写为地区代码$/,
    'No loaded region and no national division has this name or code: check the spelling, or write the region code',
  ],
  [/^指标有歧义：(.+)$/, (m) => `Ambiguous indicator: ${list(m[1] ?? '')}`],
  [/^指标库中没有这个指标名称、别名或代码$/, 'The indicator catalogue has no such name, alias or code'],
  [/^无权填报本单位辖区以外的地区$/, 'This account may not report for regions outside its scope'],
  [
    /^一个文件最多 ([\d,]+) 行数据，请拆分为多个文件后分别导入$/,
    'A file may hold at most $1 data rows: split it into several files and import each',
  ],
  [
    /^(.+)：(.+?)(?: 等 (\d+) 行)?属于已发布并锁定的期间，修改已发布数据须填写修订原因；未写入任何数据$/,
    (m) =>
      `${m[1]}: ${rows(m[2] ?? '')}${m[3] ? ` (${m[3]} rows in all)` : ''} fall in published and locked periods; changing published values needs a reason for revision; nothing was written`,
  ],
];

const FILES: Sentence[] = [
  [
    /^引号不成对：引号之后应是逗号或换行。[\s\S]*$/,
    'Unpaired quote: a quote must be followed by a comma or a line break. Write a quote inside a cell as two (""), or put the whole cell in quotes',
  ],
  [
    /^单元格中间出现了引号：[\s\S]*$/,
    'A quote in the middle of a cell: write a quote inside a cell as two (""), or put the whole cell in quotes',
  ],
  [
    /^引号没有闭合：[\s\S]*$/,
    'Unclosed quote: everything from this cell to the end of the file is inside quotes (a quote may be missing, or the file was cut off)',
  ],
  [/^这一行无法按 CSV 读取（(.+)）$/, 'This row cannot be read as CSV ($1)'],
  [/^无法读取文件（(.+)）$/, 'The file cannot be read ($1)'],
  [/^找不到文件 (.+)$/, 'File not found: $1'],
  [
    /^文件最后一行之后没有换行，看起来被截断了[\s\S]*$/,
    'The last row has no line break after it: the file looks cut off (its last value may be incomplete). Export or download the whole file again; if it is complete, end its last row with a line break (saving it as CSV in Excel or WPS does)',
  ],
  [
    /^文件末尾缺少「数据来源：…」一行[\s\S]*$/,
    'The file lacks its closing "数据来源：…" line: it looks cut off (its last value may be incomplete). Export the whole file from the National Bureau of Statistics again; if it is complete, add the line "数据来源：国家统计局" at its end',
  ],
  [
    /^找不到表头行（第一列为「指标」或「地区」的行）[\s\S]*$/,
    'No header row (a row whose first cell is "指标" or "地区"): the file may be cut off, or it is not an NBS export',
  ],
  [
    /^找不到表头行：第一列应为「地区」「单位」或「县区」$/,
    'No header row: its first cell should be "地区", "单位" or "县区"',
  ],
  [
    /^标题中找不到期间：[\s\S]*$/,
    'The title names no period: write it as in "2025年1-6月", or add a line "期间：2025-06" (years 1949–2100, months 1–12)',
  ],
  [/^表头中没有指标列$/, 'The header has no indicator columns'],
  [/^缺少「地区：」行$/, 'The "地区：" (region) line is missing'],
  [/^缺少「指标：」行$/, 'The "指标：" (indicator) line is missing'],
  [/^文件是空的$/, 'The file is empty'],
  [/^文件是空的：第一个工作表没有内容$/, 'The file is empty: its first worksheet holds nothing'],
  [
    /^文件中没有数据行（只有表头，或所有数值都为空）$/,
    'The file has no data rows (only a header, or every value is empty)',
  ],
  [
    /^文件中没有数据行：表头之后直接是「数据来源」$/,
    'The file has no data rows: the "数据来源" line follows the header',
  ],
  [
    /^无法识别文件格式。[\s\S]*$/,
    'Unrecognised file format. Supported: CSV exported by the National Bureau of Statistics (starting with "数据库："), this system\'s long template (a header with "指标,地区,期间,数值"), wide reports (first column "地区", the period in the title), and .xlsx files of these',
  ],
  [/^不支持旧版 \.xls 文件[\s\S]*$/, 'Old .xls files are not supported: save the file as .xlsx in Excel'],
  [/^工作簿中没有工作表$/, 'The workbook has no worksheet'],
  [
    /^文件不是有效的 XLSX[\s\S]*$/,
    'The file is not a valid XLSX (it may be damaged or incomplete): open it in Excel or WPS and save it again',
  ],
  [
    /^文件过大：读取时超出 (\d+) MB 内存上限，请拆分为多个文件$/,
    'The file is too large: reading it needs more than the $1 MB memory limit; split it into several files',
  ],
  [
    /^文件既不是 UTF-8 也不是 GBK 编码[\s\S]*$/,
    'The file is neither UTF-8 nor GBK and cannot be read: save it as "CSV UTF-8" in Excel or WPS',
  ],
  [
    /^文件既不是 UTF-8，也不是 GBK 或带 BOM 的 UTF-16 编码[\s\S]*$/,
    'The file is neither UTF-8, GBK nor UTF-16 with a BOM and cannot be read',
  ],
  [/^文件是 UTF-16 编码[\s\S]*$/, 'The file is in UTF-16: save it as a CSV in UTF-8 or GBK'],
  [
    /^文件在一个字符的中间结束[\s\S]*$/,
    'The file ends in the middle of a character: it may be cut off; export it again',
  ],
  [
    /^文件含有空字符[\s\S]*$/,
    'The file contains NUL characters (it may be UTF-16 or binary): save it as a UTF-8 CSV',
  ],
  [
    /^文件含有无法识别的字符[\s\S]*$/,
    'The file contains the replacement character "\ufffd" (an earlier change of encoding went wrong): export it again from the original data',
  ],
  [
    /^导入任务过多：每个账号最多同时 (\d+) 个[\s\S]*$/,
    'Too many import jobs: at most $1 at once per account; wait for the earlier ones to finish',
  ],
];

/** Every sentence of an import's issues, the target file's and the trajectory's included. */
export const IMPORT_SENTENCES: Sentence[] = [...CELLS, ...TARGETS, ...TRAJECTORY, ...RESOLVING, ...FILES];

/** The English of an issue's place: 'file 6月.csv, row 3, column D "abc"' (formatIssue's Chinese). */
export function englishPlace(i: { file: string; row: number; column: string; value: string }): string {
  return `file ${i.file}${i.row > 0 ? `, row ${i.row}` : ''}${i.column ? `, column ${i.column}` : ''}${i.value ? ` "${i.value}"` : ''}`;
}
