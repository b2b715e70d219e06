import PerfdashDemo
import Testing

@Suite struct JobQueuesTests {
    @Test func oneWorkerServesHigherPriorityFirst() {
        var queues = JobQueues(workers: 1)
        queues.enqueue(.batch, at: .zero, service: .milliseconds(10))
        queues.enqueue(.high, at: .milliseconds(1), service: .milliseconds(2))
        queues.enqueue(.normal, at: .milliseconds(2), service: .milliseconds(5))

        // At 5 ms only the batch job (arrived first, worker idle) has started.
        let early = queues.advance(to: .milliseconds(5))
        #expect(early.map(\.queue) == [.batch])
        #expect(early.map(\.waited) == [.zero])
        #expect(queues.depth(.high) == 1)
        #expect(queues.depth(.normal) == 1)
        #expect(queues.busyWorkers(at: .milliseconds(5)) == 1)

        // Worker frees at 10 ms: high (waited 10 − 1 = 9 ms) beats normal, which starts at 12 ms (waited 10 ms).
        let rest = queues.advance(to: .milliseconds(100))
        #expect(rest.map(\.queue) == [.high, .normal])
        #expect(rest.map(\.waited) == [.milliseconds(9), .milliseconds(10)])
        #expect(JobPriority.allCases.map { queues.depth($0) } == [0, 0, 0, 0])
        // The normal job runs 12 ms → 17 ms.
        #expect(queues.busyWorkers(at: .milliseconds(16)) == 1)
        #expect(queues.busyWorkers(at: .milliseconds(17)) == 0)
    }

    @Test func idleWorkersWaitForTheNextJob() {
        var queues = JobQueues(workers: 2)
        queues.enqueue(.low, at: .milliseconds(50), service: .milliseconds(5))
        #expect(queues.advance(to: .milliseconds(40)).isEmpty)
        #expect(queues.depth(.low) == 1)
        let started = queues.advance(to: .milliseconds(60))
        #expect(started.map(\.queue) == [.low])
        #expect(started.map(\.waited) == [.zero])
    }

    @Test func twoWorkersShareABacklog() {
        var queues = JobQueues(workers: 2)
        for index in 0..<4 {
            queues.enqueue(.batch, at: .zero, service: .milliseconds(10 * (index + 1)))
        }
        // Jobs of 10, 20, 30, 40 ms: worker A runs 10 then 30 (starts 10 ms); worker B runs 20 then 40 (starts 20 ms).
        let started = queues.advance(to: .seconds(1))
        #expect(started.map(\.waited) == [.zero, .zero, .milliseconds(10), .milliseconds(20)])
        #expect(queues.busyWorkers(at: .milliseconds(39)) == 2)
        #expect(queues.busyWorkers(at: .milliseconds(40)) == 1) // A: 10 + 30 = 40 ms
        #expect(queues.busyWorkers(at: .milliseconds(60)) == 0) // B: 20 + 40 = 60 ms
    }
}

@Suite struct RateLimiterAndPoolTests {
    @Test func tokenBucketRefillsAtItsRate() {
        var limiter = RateLimiter(rate: 10, burst: 2)
        let result1 = limiter.admit(at: .zero)
        #expect(result1)
        let result2 = limiter.admit(at: .zero)
        #expect(result2)
        let result3 = limiter.admit(at: .zero)
        #expect(!result3)
        // 10 tokens/s: 50 ms gives half a token (not enough), 100 ms a whole one.
        let result4 = limiter.admit(at: .milliseconds(50))
        #expect(!result4)
        let result5 = limiter.admit(at: .milliseconds(100))
        #expect(result5)
        let result6 = limiter.admit(at: .milliseconds(100))
        #expect(!result6)
        // A long pause refills only up to the burst size.
        let result7 = limiter.admit(at: .seconds(10))
        #expect(result7)
        let result8 = limiter.admit(at: .seconds(10))
        #expect(result8)
        let result9 = limiter.admit(at: .seconds(10))
        #expect(!result9)
    }

    @Test func poolRefusesWhenQueriesAndWorkersHoldEveryConnection() {
        var pool = ConnectionPool(size: 3)
        let result10 = pool.checkOut(at: .zero, hold: .milliseconds(10), others: 1)
        #expect(result10)
        let result11 = pool.checkOut(at: .zero, hold: .milliseconds(20), others: 1)
        #expect(result11)
        let result12 = pool.inUse(at: .milliseconds(5), others: 1)
        #expect(result12 == 3)
        let result13 = pool.checkOut(at: .milliseconds(5), hold: .milliseconds(1), others: 1)
        #expect(!result13)
        // The first query returns its connection at 10 ms.
        let result14 = pool.inUse(at: .milliseconds(10), others: 1)
        #expect(result14 == 2)
        let result15 = pool.checkOut(at: .milliseconds(10), hold: .milliseconds(1), others: 1)
        #expect(result15)
    }
}

@Suite struct LoadScheduleTests {
    let schedule = LoadSchedule.standard(baseRate: 300)

    @Test func burstsAndDumpsFollowTheCycle() {
        #expect(!schedule.isBurst(at: .milliseconds(29_999)))
        #expect(schedule.isBurst(at: .seconds(30)))
        #expect(schedule.isBurst(at: .milliseconds(37_999)))
        #expect(!schedule.isBurst(at: .seconds(38)))
        #expect(schedule.isBurst(at: .seconds(90)))
        // Dumps at 45 s, 105 s, 165 s …, counted in (start, end].
        #expect(schedule.dumps(after: .zero, through: .milliseconds(44_999)) == 0)
        #expect(schedule.dumps(after: .zero, through: .seconds(45)) == 1)
        #expect(schedule.dumps(after: .seconds(45), through: .seconds(104)) == 0)
        #expect(schedule.dumps(after: .seconds(45), through: .seconds(105)) == 1)
        #expect(schedule.dumps(after: .zero, through: .seconds(165)) == 3)
        #expect(LoadSchedule.steady(rate: 10).dumps(after: .zero, through: .seconds(1000)) == 0)
    }

    @Test func rateFollowsTheWaveAndDoublesInBursts() {
        // sin(0) = 0 → base rate; at 37/4 s the wave peaks: 300 · 1.2 = 360.
        #expect(schedule.rate(at: .zero) == 300)
        #expect(abs(schedule.rate(at: .milliseconds(9_250)) - 360) < 1e-9)
        // At 31 s, in a burst: 300 · (1 + 0.2 · sin(2π · 31 / 37)) · 2 = 300 · (1 + 0.2 · −0.851529) · 2 = 497.8165
        #expect(abs(schedule.rate(at: .seconds(31)) - 497.8165) < 1e-3)
        #expect(schedule.scanFraction(at: .seconds(31)) == 0.15)
        #expect(schedule.scanFraction(at: .seconds(20)) == 0)
    }

    @Test func hotSetShiftsEveryTwoMinutes() {
        #expect(schedule.hotSetOffset(at: .milliseconds(119_999)) == 0)
        #expect(schedule.hotSetOffset(at: .seconds(120)) == 400)
        #expect(schedule.hotSetOffset(at: .seconds(250)) == 800)
    }
}

@Suite struct ZipfSamplerTests {
    @Test func ranksFollowCumulativeZipfWeights() {
        // Weights 1, 1/2, 1/3 sum to 11/6: cumulative 6/11 ≈ 0.5455, 9/11 ≈ 0.8182, 1.
        let sampler = ZipfSampler(count: 3, exponent: 1)
        #expect(sampler.rank(for: 0) == 0)
        #expect(sampler.rank(for: 0.545) == 0)
        #expect(sampler.rank(for: 0.546) == 1)
        #expect(sampler.rank(for: 0.818) == 1)
        #expect(sampler.rank(for: 0.819) == 2)
        #expect(sampler.rank(for: 0.999_999) == 2)
    }

    @Test func samplingMatchesTheDistribution() {
        let sampler = ZipfSampler(count: 3, exponent: 1)
        var random = SeededRandom(seed: 1)
        var counts = [0, 0, 0]
        for _ in 0..<110_000 { counts[sampler.sample(using: &random)] += 1 }
        // Expected 60,000 / 30,000 / 20,000; 1 % tolerance is > 4 standard deviations.
        #expect(abs(counts[0] - 60_000) < 600)
        #expect(abs(counts[1] - 30_000) < 600)
        #expect(abs(counts[2] - 20_000) < 600)
    }
}

@Suite struct WorkloadConfigurationTests {
    @Test func baseRateScalesTheRateLimiter() {
        // 300 · 5/3 = 500 and 300 · 0.4 = 120: the defaults are the 300 req/s configuration.
        #expect(WorkloadConfiguration(baseRate: 300) == WorkloadConfiguration())
        let fast = WorkloadConfiguration(baseRate: 600)
        #expect(fast.rateLimit == 1_000)
        #expect(fast.rateBurst == 240)
        #expect(fast.schedule.baseRate == 600)
    }
}
