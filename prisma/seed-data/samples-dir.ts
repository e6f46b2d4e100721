import { fileURLToPath } from "node:url";

/**
 * The five published reports of ../shared/samples, copied into the repository so that the seed and the
 * tests work on any clone. They are real data with real defects: keep them byte for byte.
 */
export const SAMPLES_DIR = fileURLToPath(new URL("./samples", import.meta.url));

export const SAMPLE_FILES = [
  "2020-xinwei-street-office.txt",
  "2021-hulan-district.txt",
  "2022-dengtalu-street-office.txt",
  "2022-xingan-district.txt",
  "2022-youxie-street-office.txt",
] as const;
