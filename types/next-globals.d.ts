// What next-env.d.ts (generated, not committed) provides, so that `tsc` works before the first build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
