/** The `berth` command for Node. Subcommands are added as the engine grows. */
export async function main(argv: string[]): Promise<number> {
  const [group, command] = argv;
  if (group === 'images' && command === 'build') {
    console.error('berth: images build is not written yet');
    return 1;
  }
  console.error(`Usage: berth images build [--out DIR]`);
  return 2;
}
