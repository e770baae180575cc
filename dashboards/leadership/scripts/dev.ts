// npm run dev: Framework's preview server (live reload), with the loader cache tied to the warehouse.
import { runFramework } from "./framework.ts";

process.exit(await runFramework("preview", process.argv.slice(2)));
