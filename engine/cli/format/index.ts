/**
 * The docker CLI's formatters, apart from its commands:
 * tables, `--format` templates, sizes, "2 minutes ago" and container status.
 * Everything here is a port of the behaviour of docker/cli 28, go-units and
 * Go's standard library, byte for byte; each file says which.
 *
 * @example
 *   import { renderFormatted, timeAgo, humanSize } from './format/index.ts';
 */
export { renderFormatted, chooseFormat, finalFormat, ellipsis, truncateID, FormatError, type RenderOptions } from './format.ts';
export { tabwrite, stringWidth, type TabwriterOptions } from './tabwriter.ts';
export { parseTemplate, TemplateError, type Template, type GoFunc } from './template.ts';
export { GoFloat, GoNil, goMap, goStruct, sprint, sprintf, sprintln, typeName } from './gofmt.ts';
export { quote, formatFloat } from './gostrconv.ts';
export { humanSize, humanSizeWithPrecision, bytesSize, ramInBytes, fromHumanSize, humanDuration, SizeError } from './units.ts';
export {
  containerStatus,
  timeAgo,
  formatRFC3339,
  formatRFC3339Nano,
  formatRFC3339NanoFixed,
  goTimeString,
  parseRFC3339Nano,
  isZeroTime,
  ZERO_TIME_NANOS,
  UTC,
  type Instant,
  type Zone,
  type StatusInput,
} from './time.ts';
export { getTimestamp, parseDuration } from './since.ts';
