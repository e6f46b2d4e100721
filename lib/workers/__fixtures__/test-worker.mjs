// A worker for the pool's tests: echoes, spins forever, or allocates until its heap runs out.
import { parentPort } from "node:worker_threads";

parentPort.on("message", (job) => {
  if (job.do === "spin") for (;;);
  if (job.do === "hog") {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill(kept.length));
  }
  if (job.do === "hold") {
    // Answers when the test says so on the channel: the worker stays busy without a clock.
    const channel = new BroadcastChannel("test-worker-release");
    channel.postMessage("holding");
    channel.onmessage = () => {
      channel.close();
      parentPort.postMessage({ echo: job.value });
    };
    return;
  }
  parentPort.postMessage({ echo: job.value });
});
parentPort.postMessage({ ready: true });
