using System.Text.Encodings.Web;
using System.Text.Json;
using Isms.Knowledge;

var doc = PolicyParser.Parse(EmbeddedPolicy.ReadText());
var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
foreach (var c in doc.Clauses)
    Console.WriteLine(JsonSerializer.Serialize(new { id = c.Id, heading_path = c.HeadingPath, text = c.Text }, json));
