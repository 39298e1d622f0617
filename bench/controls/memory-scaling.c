// The host's own 2-thread speed-up for a shared-nothing, memory-bound loop: the control that
// bench/run-cluster.sh prints next to k-means' 1-worker / 2-worker ratio, measured in the same run.
//
// Each thread sums 60 million doubles read at pseudo-random positions of its own buffer of
// SIZE_MB megabytes (2 MB by default: about the k-means working set on Banking77, beyond one
// core's L2); 2 threads do twice the work of 1. Nothing is shared and nothing synchronises, so
// its speed-up is what the machine gives such a loop, not what an algorithm loses.
//
// Usage: memory-scaling [SIZE_MB] [ROUNDS]   prints one line per round, then "median speed-up X".
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const long reads = 60000000;
static size_t size;
static double *buffers[2];
static volatile double sink[2];

static void *work(void *argument) {
    long index = (long)argument;
    const double *buffer = buffers[index];
    unsigned long x = 88172645463325252UL + (unsigned long)index;
    double sum = 0;
    for (long i = 0; i < reads; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;   // xorshift64
        sum += buffer[x % size];
    }
    sink[index] = sum;
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    double megabytes = argc > 1 ? atof(argv[1]) : 2;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (megabytes <= 0 || rounds < 1 || rounds > 100) {
        fprintf(stderr, "usage: memory-scaling [SIZE_MB > 0] [ROUNDS 1-100]\n");
        return 2;
    }
    size = (size_t)(megabytes * 1024 * 1024 / sizeof(double));
    for (int i = 0; i < 2; i++) {
        buffers[i] = malloc(size * sizeof(double));
        if (!buffers[i]) { fprintf(stderr, "memory-scaling: out of memory\n"); return 1; }
        for (size_t j = 0; j < size; j++) buffers[i][j] = (double)j;
    }
    double ratios[100];
    for (int round = 0; round < rounds; round++) {
        double start = now();
        work((void *)0);
        double one = now() - start;
        pthread_t threads[2];
        start = now();
        for (long i = 0; i < 2; i++) pthread_create(&threads[i], NULL, work, (void *)i);
        for (int i = 0; i < 2; i++) pthread_join(threads[i], NULL);
        double two = now() - start;
        ratios[round] = 2 * one / two;
        printf("round %d: 1 thread %.3f s, 2 threads (twice the work) %.3f s: speed-up %.2f\n", round + 1, one, two, ratios[round]);
    }
    qsort(ratios, rounds, sizeof(double), compare);
    double median = rounds % 2 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
    printf("median speed-up %.2f\n", median);
    return 0;
}
