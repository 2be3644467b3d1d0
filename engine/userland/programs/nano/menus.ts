/**
 * The two rows of shortcuts at the bottom of nano's screen, one list per
 * situation (editing, the "Search:" prompt, "File Name to Write:"…), laid
 * out as nano's bottombars() does: as many as fit ((COLS + 40) / 20 * 2),
 * in pairs, each pair in a column of equal width, the key in reverse video.
 */
import { ATTR, type Screen } from '../../tui/screen.ts';
import { textWidth } from '../../tui/text.ts';

export type Menu = readonly (readonly [key: string, tag: string])[];

export const MAIN: Menu = [
  ['^G', 'Help'], ['^X', 'Exit'], ['^O', 'Write Out'], ['^R', 'Read File'], ['^W', 'Where Is'], ['^\\', 'Replace'],
  ['^K', 'Cut'], ['^U', 'Paste'], ['^T', 'Execute'], ['^J', 'Justify'], ['^C', 'Location'], ['^/', 'Go To Line'],
  ['M-U', 'Undo'], ['M-E', 'Redo'], ['M-A', 'Set Mark'], ['M-6', 'Copy'], ['M-]', 'To Bracket'], ['^Q', 'Where Was'],
  ['M-Q', 'Previous'], ['M-W', 'Next'], ['^B', 'Back'], ['^F', 'Forward'], ['^◂', 'Prev Word'], ['^▸', 'Next Word'],
  ['^A', 'Home'], ['^E', 'End'], ['^P', 'Prev Line'], ['^N', 'Next Line'], ['M-\\', 'First Line'], ['M-/', 'Last Line'],
];
export const WRITEFILE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['M-D', 'DOS Format'], ['M-M', 'Mac Format'], ['M-A', 'Append'], ['M-P', 'Prepend'], ['M-B', 'Backup File'], ['^T', 'Browse']];
export const WHEREIS: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['M-C', 'Case Sens'], ['M-R', 'Reg.exp.'], ['M-B', 'Backwards'], ['^R', 'Replace'], ['^P', 'Older'], ['^N', 'Newer'], ['^T', 'Go To Line']];
export const REPLACE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['M-C', 'Case Sens'], ['M-R', 'Reg.exp.'], ['M-B', 'Backwards'], ['^R', 'No Replace'], ['^P', 'Older'], ['^N', 'Newer']];
export const REPLACEWITH: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['^P', 'Older'], ['^N', 'Newer']];
export const GOTOLINE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['^W', 'Begin of Paragr.'], ['^O', 'End of Paragraph'], ['^Y', 'First Line'], ['^V', 'Last Line'], ['^T', 'Go To Text']];
export const INSERTFILE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['M-F', 'New Buffer'], ['M-N', 'No Conversion'], ['^X', 'Execute Command'], ['^T', 'Browse']];
export const EXECUTE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['M-F', 'New Buffer'], ['^T', 'Read File']];
export const HELP: Menu = [
  ['^L', 'Refresh'], ['^X', 'Close'], ['^W', 'Where Is'], ['^Q', 'Where Was'], ['M-Q', 'Previous'], ['M-W', 'Next'],
  ['^P', 'Prev Line'], ['^N', 'Next Line'], ['^Y', 'Prev Page'], ['^V', 'Next Page'], ['M-\\', 'First Line'], ['M-/', 'Last Line'],
];

/** Draws `menu` on the last two rows. */
export function drawMenu(screen: Screen, menu: Menu): void {
  const cols = screen.cols;
  const rows = screen.rows;
  screen.clearRow(rows - 2);
  screen.clearRow(rows - 1);
  const number = Math.min(menu.length, Math.floor((cols + 40) / 20) * 2);
  const itemwidth = Math.floor(cols / Math.floor((number + 1) / 2));
  if (itemwidth === 0) return;
  for (let index = 0; index < number; index++) {
    const [key, tag] = menu[index]!;
    let width = itemwidth;
    // When the number is uneven, the penultimate item can be double wide; the last two get the slack.
    if (number % 2 === 1 && index + 2 === number) width += itemwidth;
    if (index + 2 >= number) width += cols % itemwidth;
    postKey(screen, rows - 2 + (index % 2), Math.floor(index / 2) * itemwidth, key, tag, width);
  }
}

/** One shortcut: the key in reverse video, then its description, cut to `width` columns. */
export function postKey(screen: Screen, row: number, col: number, key: string, tag: string, width: number): void {
  screen.text(row, col, clip(key, width), ATTR.reverse);
  width -= textWidth(key);
  if (width < 2) return;
  screen.text(row, col + textWidth(key), ' ' + clip(tag, width - 1));
}

function clip(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = textWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** The yes/no prompt's shortcuts (with "All" when replacing). */
export function drawYesNo(screen: Screen, withAll: boolean): void {
  const rows = screen.rows;
  const width = 16;
  screen.clearRow(rows - 2);
  screen.clearRow(rows - 1);
  postKey(screen, rows - 2, 0, ' Y', 'Yes', width);
  if (withAll) postKey(screen, rows - 2, width, ' A', 'All', width);
  postKey(screen, rows - 1, 0, ' N', 'No', width);
  postKey(screen, rows - 1, width, '^C', 'Cancel', width);
}

/** What ^G shows: an introduction, then every main-menu key with what it does. */
export function helpText(cols: number): string[] {
  const intro =
    'The nano editor shows the file being edited in the middle of the screen. The top line names the program and the file and says whether the file has been modified; the third line from the bottom shows messages; the last two lines show the shortcuts used most. ' +
    "A '^' means the Ctrl key (^X is Ctrl+X); 'M-' means the Alt key, or Esc pressed before the key. " +
    'The following keystrokes are available in the main editor window:';
  const out: string[] = [];
  let line = '';
  for (const word of intro.split(' ')) {
    if (line.length + word.length + 2 > cols - 1) {
      out.push(' ' + line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  out.push(' ' + line, '');
  const described: [string, string, string][] = [
    ['^G', '(F1)', 'Display this help text'],
    ['^X', '(F2)', 'Close the current buffer / Exit from nano'],
    ['^O', '(F3)', 'Write the current buffer (or the marked region) to disk'],
    ['^R', '(Ins)', 'Insert another file into current buffer'],
    ['^W', '(F6)', 'Search forward for a string'],
    ['^\\', '(M-R)', 'Replace a string'],
    ['^K', '(F9)', 'Cut current line (or marked region) and store it in cutbuffer'],
    ['^U', '(F10)', 'Paste the contents of cutbuffer at current cursor position'],
    ['^T', '', 'Execute an external command'],
    ['^J', '(F4)', 'Justify the current paragraph'],
    ['^C', '(F11)', 'Display the position of the cursor'],
    ['^/', '(M-G)', 'Go to line and column number'],
    ['M-U', '', 'Undo the last operation'],
    ['M-E', '', 'Redo the last undone operation'],
    ['M-A', '(^6)', 'Mark text starting from the cursor position'],
    ['M-6', '(^])', 'Copy current line (or marked region) and store it in cutbuffer'],
    ['M-W', '(F16)', 'Repeat the last search forward'],
    ['M-Q', '', 'Repeat the last search backward'],
    ['^B', '(◂)', 'Go back one character'],
    ['^F', '(▸)', 'Go forward one character'],
    ['^P', '(▴)', 'Go to previous line'],
    ['^N', '(▾)', 'Go to next line'],
    ['^A', '(Home)', 'Go to beginning of current line'],
    ['^E', '(End)', 'Go to end of current line'],
    ['^Y', '(PgUp)', 'Go one screenful up'],
    ['^V', '(PgDn)', 'Go one screenful down'],
    ['M-\\', '(^Home)', 'Go to the first line of the file'],
    ['M-/', '(^End)', 'Go to the last line of the file'],
    ['^D', '(Del)', 'Delete the character under the cursor'],
    ['^H', '(Bsp)', 'Delete the character to the left of the cursor'],
    ['^Z', '', 'Suspend the editor (return to the shell)'],
  ];
  for (const [key, alt, what] of described) out.push(`${key.padEnd(7)}${alt.padEnd(10)}${what}`);
  return out;
}
