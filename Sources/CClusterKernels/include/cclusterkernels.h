#ifndef CCLUSTERKERNELS_H
#define CCLUSTERKERNELS_H
// ThemeCluster's two hottest inner loops, written once per x86-64 vector width and chosen at run
// time from what the CPU offers (AVX-512F, AVX2, or the baseline SSE2 every x86-64 has; plain C
// elsewhere). Swift compiles for the baseline only and has no per-function target attribute, so
// these live in C, where `__attribute__((target(...)))` gives each width its own function without
// building the whole package for one CPU.
//
// Every implementation gives the same bits: each lane multiplies and then adds (never a fused
// multiply-add: this file's translation units turn contraction off), in the same order, from +0,
// and the comparisons and selections are the same. Which one runs changes the speed only.
#include <stddef.h>
#include <stdint.h>

/// The implementations: `CCK_LEVEL_BASELINE` (portable C, SSE2 on x86-64), `CCK_LEVEL_AVX2`,
/// `CCK_LEVEL_AVX512` (AVX-512F).
enum { CCK_LEVEL_BASELINE = 0, CCK_LEVEL_AVX2 = 1, CCK_LEVEL_AVX512 = 2 };

/// The widest implementation this CPU (and its operating system) supports, computed once; no wider
/// than `TRANSCRIPTMINER_KERNELS` says if that is set when it is first called (`baseline` or
/// `avx2`: to compare the widths in one run), and never one that fails `cck_level_agrees` (then
/// the next narrower is tried).
int cck_best_level(void);

/// Whether implementation `level` (at most what the CPU supports) gives the baseline's bits on a
/// fixed sample of every kernel: 1 if it does. The build guarantees it; a build that breaks it
/// (a compiler fusing the multiply and the add, say) is caught here.
int cck_level_agrees(int level);

/// The similarities of one sparse row to every centroid of a term-major table:
/// `out[c] = Σ_i weights[i] × table[columns[i] · stride + c]` for c in 0..<stride, each lane
/// summed in entry order from +0 as `sum = sum + weight × value` (no fused multiply-add).
/// `stride` is a positive multiple of 8; `out` holds `stride` doubles (need not be aligned).
/// `level` is one of the `CCK_LEVEL_…` values, at most `cck_best_level()`.
/// Complexity: O(count · stride).
void cck_score_all_level(int level, const double *table, ptrdiff_t stride, const int32_t *columns,
                         const double *weights, ptrdiff_t count, double *out);

/// What a full scan keeps of a row's scores: the first maximum, the first maximum of the others and
/// the largest of the rest (see `cck_rank_level`).
typedef struct {
    ptrdiff_t best;
    double best_value;
    ptrdiff_t second;
    double rival;
    double upper;
} cck_ranking;

/// Ranks `scores[0..<k]` (`scores` holds `stride` doubles, a positive multiple of 8 at least k; it
/// is only read) when k >= 3 and every score is finite and at most 1e300 in magnitude, and returns
/// 1; otherwise returns 0 (the caller ranks them its own way). `best` is the first index holding
/// the largest score, `second` the first holding the largest of the others, `upper` the largest of
/// the rest, found 8 lanes at a time: the padding lanes count as -1e300 and the lanes set aside as
/// -inf, the lanes' maxima are reduced as `max(low half, high half)` twice and then
/// `lane 1 > lane 0 ? lane 1 : lane 0`, each maximum `b > a ? b : a`, and the values are read back
/// at the chosen indices.
/// `level` as for `cck_score_all_level`.
/// Complexity: O(stride).
int cck_rank_level(int level, const double *scores, ptrdiff_t k, ptrdiff_t stride, cck_ranking *ranking);

/// Two candidates' capped distances over `count` rows, each summed in eight lanes (row i into lane
/// i % 8, in row order, from +0), the lanes then added as `((l0 + l1) + (l2 + l3)) + ((l4 + l5) +
/// (l6 + l7))`. A row's capped distance is `d = 1 − s; d = d < 0 ? 0 : d; d = cap < d ? cap : d`
/// for the rows of whole groups of 8, and `m = d >= 0 ? d : 0; m = cap < m ? cap : m` (Swift's
/// `min(max(0, d), cap)`) for the last `count % 8` rows: the two agree unless d is NaN.
/// With `clearing` non-zero, every similarity is set to +0 once read (`s0` and `s1` may be the
/// same pointer: both are read before either is cleared). The sums go to `sums[0]`, `sums[1]`.
/// `level` as for `cck_score_all_level`.
/// Complexity: O(count).
void cck_capped_distance_sums_level(int level, ptrdiff_t count, double *s0, double *s1, const double *caps,
                                    int clearing, double *sums);

/// Tells the CPU that the caller is in a spin-wait loop (x86 `pause`, ARM `yield`; nothing
/// elsewhere): the loop then stops competing with the thread it waits for for the core's execution
/// resources (a hyperthread sibling, or a virtual CPU sharing a physical core), stops flooding the
/// memory system with speculative loads of the flag it polls, and leaves the loop without the
/// pipeline flush of a mispredicted memory order when the flag changes.
static inline void cck_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    __asm__ __volatile__("yield");
#endif
}

#endif
