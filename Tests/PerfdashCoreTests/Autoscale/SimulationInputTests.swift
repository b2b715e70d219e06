import Testing
@testable import PerfdashCore

@Suite("Simulation input")
struct SimulationInputTests {
    @Test func plainValuesBelongToTheDefaultSeries() throws {
        let rows = try SimulationInput.parse("0,50\n# comment\n\n15, 83.2\n", file: "a.csv", defaultSeries: "cpu")
        #expect(rows == [SimulationInput.Row(time: 0, values: ["cpu": 50], line: 1),
                         SimulationInput.Row(time: 15, values: ["cpu": 83.2], line: 4)])
    }

    @Test func headerNamesColumns() throws {
        let text = "seconds,cpu.busy_percent,queue\n0,50,3\n1,,4\n"
        let rows = try SimulationInput.parse(text, file: "a.csv", defaultSeries: "x")
        #expect(rows.map(\.values) == [["cpu.busy_percent": 50, "queue": 3], ["queue": 4]])
        let valueHeader = try SimulationInput.parse("seconds,value\n0,7\n", file: "a.csv", defaultSeries: "cpu")
        #expect(valueHeader.map(\.values) == [["cpu": 7]])
    }

    @Test func namedValues() throws {
        let rows = try SimulationInput.parse("0,cpu=50,queue=12\r\n5,queue=0\n", file: "a.csv", defaultSeries: "x")
        #expect(rows.map(\.values) == [["cpu": 50, "queue": 12], ["queue": 0]])
        #expect(rows.map(\.time) == [0, 5])
    }

    @Test(arguments: [
        ("0,1\nten,2\n", "a.csv:2: time \"ten\" is not a number of seconds"),
        ("0,1\n10,abc\n", "a.csv:2: value \"abc\" for cpu is not a number"),
        ("10,1\n5,2\n", "a.csv:2: time 5 is before the previous row's 10"),
        ("0,1,2\n", "a.csv:1: 2 values without names: add a header or write name=value"),
        ("0,=3\n", "a.csv:1: \"=3\" has no name before \"=\""),
        ("t,a\n0,1,2\n", "a.csv:2: column 3 has no name in the header"),
        ("0,cpu=nan\n", "a.csv:1: value \"nan\" for cpu is not a number"),
    ])
    func badLinesNameFileAndLine(text: String, message: String) {
        #expect(throws: SimulationInput.ParseError.self) {
            try SimulationInput.parse(text, file: "a.csv", defaultSeries: "cpu")
        }
        do {
            _ = try SimulationInput.parse(text, file: "a.csv", defaultSeries: "cpu")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func simulationIsTheEngineStepByStep() throws {
        let spec = AutoscaleTestSupport.thresholdSpec(cooldownUp: 30)
        let rows = try SimulationInput.parse("0,90\n10,90\n30,90\n", file: "a.csv", defaultSeries: "cpu.busy_percent")
        let recommendations = AutoscaleSimulation.run(spec: spec, rows: rows)
        #expect(recommendations.map(\.to) == [4, 4, 5])
        #expect(recommendations.map(\.rule) == [.thresholdUp, .cooldown, .thresholdUp])
        #expect(try RecommendationFormat.text.render(recommendations) == """
                  0s  up   3 → 4      cpu 90.0% > 80%: 3 → 4
                 10s  none 4 → 4      none (cooldown, 20 s left): cpu 90.0% > 80%, stays 4
                 30s  up   4 → 5      cpu 90.0% > 80%: 4 → 5

            """)
    }
}
