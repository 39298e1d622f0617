import Testing
@testable import TranscriptMiner

@Suite("Redaction: IP addresses")
struct RedactionIPAddressTests {
    @Test("IPv4 and IPv6", arguments: [
        ("from 192.168.1.20 today", "192.168.1.20"), ("10.0.0.1:8080", "10.0.0.1"), ("net 10.0.0.0/8", "10.0.0.0"),
        ("host 255.255.255.255.", "255.255.255.255"), ("2001:db8::1", "2001:db8::1"), ("at 2001:db8::1.", "2001:db8::1"),
        ("fe80::1%eth0 down", "fe80::1%eth0"), ("loopback ::1", "::1"), ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("[2001:db8::7]:443", "2001:db8::7"), ("IP:2001:db8::1", "2001:db8::1"), ("ID:fe80::1 x", "fe80::1"),
        ("2001:db8::1: timeout", "2001:db8::1"),
    ])
    func finds(text: String, expected: String) {
        #expect(RedactionProbe.found(text, .ipAddress) == [expected])
    }

    @Test("not addresses", arguments: [
        "256.1.1.1", "1.2.3.4.5", "version 1.2.0.4", "v1.2.3.4", "build 5.1.0.12", "10:30:15", "12:30",
        "00:1A:2B:3C:4D:5E", "std::move", "a::b", "Note::", "17.05.2024", "1.2.3", "::", "1234:5678",
    ])
    func negatives(text: String) {
        #expect(RedactionProbe.found(text, .ipAddress).isEmpty)
    }
}
