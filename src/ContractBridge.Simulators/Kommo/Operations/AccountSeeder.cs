using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Creates account content for the control API and the sample data. A bad seed (unknown pipeline, stage, user, field or
/// choice) throws <see cref="ArgumentException"/> with a message saying what to fix; the control API turns it into a 400.
/// Custom field values go through the same checks as the API's, so a seed cannot create what Kommo would refuse.
/// </summary>
internal static class AccountSeeder
{
    private static readonly string[] EmailKinds = ["WORK", "PRIV", "OTHER"];
    private static readonly string[] PhoneKinds = ["WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER"];

    /// <summary>What every Kommo account has from the start: its admin user and the contacts' EMAIL and PHONE fields.</summary>
    public static void InitializeAccount(KommoAccountData data, KommoSimulatorOptions options)
    {
        data.OwnerUserId = AddUser(data, new SeedUser { Name = "Account Admin", Email = $"admin@{options.Subdomain}.example", IsAdmin = true });
        AddPredefinedField(data, "Phone", "PHONE", PhoneKinds, sort: 4);
        AddPredefinedField(data, "Email", "EMAIL", EmailKinds, sort: 6);
    }

    public static long AddUser(KommoAccountData data, SeedUser seed)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A user needs a name.");
        var user = new KommoUser { Id = data.Ids.NextUser(), Name = seed.Name, Email = seed.Email, IsAdmin = seed.IsAdmin };
        data.Users[user.Id] = user;
        return user.Id;
    }

    public static SeededPipeline AddPipeline(KommoAccountData data, SeedPipeline seed)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A pipeline needs a name.");
        Require(seed.Stages.Count > 0, "A pipeline needs at least one open stage (142 and 143 are added for you).");
        Require(data.Pipelines.Count < 50, "Kommo allows at most 50 pipelines.");
        Require(seed.Stages.Count <= 98, "Kommo allows at most 100 stages per pipeline, 142 and 143 included.");
        if (seed.IsMain)
        {
            foreach (var other in data.Pipelines.Values)
            {
                other.IsMain = false;
            }
        }

        var pipeline = new KommoPipeline
        {
            Id = data.Ids.NextPipeline(),
            Name = seed.Name,
            Sort = (data.Pipelines.Count + 1) * 100,
            IsMain = seed.IsMain || data.Pipelines.Count == 0,
        };
        var sort = 10;
        foreach (var stage in seed.Stages)
        {
            pipeline.Statuses.Add(new KommoStatus { Id = data.Ids.NextStatus(), PipelineId = pipeline.Id, Name = stage, Sort = sort });
            sort += 10;
        }

        pipeline.Statuses.Add(new KommoStatus { Id = KommoStatus.ClosedWon, PipelineId = pipeline.Id, Name = "Closed - won", Sort = 10000, Color = "#CCFF66" });
        pipeline.Statuses.Add(new KommoStatus { Id = KommoStatus.ClosedLost, PipelineId = pipeline.Id, Name = "Closed - lost", Sort = 11000, Color = "#D5D8DB" });
        data.Pipelines[pipeline.Id] = pipeline;
        return new SeededPipeline(pipeline.Id, pipeline.Name, [.. pipeline.Statuses.Select(s => new SeededStatus(s.Id, s.Name))]);
    }

    public static long AddLossReason(KommoAccountData data, SeedLossReason seed, long now)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A loss reason needs a name.");
        var reason = new KommoLossReason { Id = data.Ids.NextLossReason(), Name = seed.Name, Sort = (data.LossReasons.Count + 1) * 10, CreatedAt = now };
        data.LossReasons[reason.Id] = reason;
        return reason.Id;
    }

    public static SeededCustomField AddCustomField(KommoAccountData data, SeedCustomField seed)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A custom field needs a name.");
        Require(seed.EntityType is "leads" or "contacts" or "companies", "entity_type must be leads, contacts or companies.");
        Require(CustomFieldTypes.All.Contains(seed.Type), $"type must be one of: {string.Join(", ", CustomFieldTypes.All)}.");
        var field = new CustomFieldDefinition
        {
            Id = data.Ids.NextCustomField(),
            EntityType = seed.EntityType,
            Name = seed.Name,
            Type = seed.Type,
            Code = seed.Code,
            Sort = 500 + data.CustomFields.Count,
        };
        AddEnums(data, field, seed.Enums ?? []);
        Require(!field.HasEnums || field.Enums.Count > 0, $"A {seed.Type} field needs at least one choice in enums.");
        data.CustomFields[field.Id] = field;
        return new SeededCustomField(field.Id, field.Name, field.Enums.ToDictionary(e => e.Value, e => e.Id, StringComparer.Ordinal));
    }

    /// <summary>Deletes an account's own field with every lead's, contact's and company's values of it; predefined ones stay.</summary>
    public static void DeleteCustomField(KommoAccountData data, long fieldId)
    {
        Require(data.CustomFields.TryGetValue(fieldId, out var field), $"Custom field {fieldId} does not exist.");
        Require(!field!.IsPredefined, $"Custom field {fieldId} ('{field.Name}') is predefined: Kommo does not delete it.");
        data.CustomFields.Remove(fieldId);
        foreach (var values in data.Leads.Values.Select(l => l.CustomFields).Concat(data.Contacts.Values.Select(c => c.CustomFields)).Concat(data.Companies.Values.Select(c => c.CustomFields)))
        {
            values.RemoveAll(v => v.FieldId == fieldId);
        }
    }

    public static long AddCompany(KommoAccountData data, SeedCompany seed, long now)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A company needs a name.");
        var responsible = ResponsibleUser(data, seed.ResponsibleUserId);
        var company = new KommoCompany
        {
            Id = data.Ids.NextCompany(),
            Name = seed.Name,
            ResponsibleUserId = responsible,
            CreatedBy = data.OwnerUserId,
            UpdatedBy = data.OwnerUserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        CustomFieldValueChange.ApplyAll(company.CustomFields, ReadValues(data, "companies", seed.CustomFields));
        data.Companies[company.Id] = company;
        return company.Id;
    }

    public static long AddContact(KommoAccountData data, SeedContact seed, long now)
    {
        var name = seed.Name ?? $"{seed.FirstName} {seed.LastName}".Trim();
        Require(name.Length > 0, "A contact needs a name, or a first or last name.");
        Require(seed.CompanyId is null || data.Companies.ContainsKey(seed.CompanyId.Value), $"Company {seed.CompanyId} does not exist.");
        var contact = new KommoContact
        {
            Id = data.Ids.NextContact(),
            Name = name,
            FirstName = seed.FirstName,
            LastName = seed.LastName,
            ResponsibleUserId = ResponsibleUser(data, seed.ResponsibleUserId),
            CreatedBy = data.OwnerUserId,
            UpdatedBy = data.OwnerUserId,
            CreatedAt = now,
            UpdatedAt = now,
            CompanyId = seed.CompanyId,
        };
        var values = new List<SeedFieldValue>();
        AddChannels(data, values, "PHONE", seed.Phones);
        AddChannels(data, values, "EMAIL", seed.Emails);
        values.AddRange(seed.CustomFields);
        CustomFieldValueChange.ApplyAll(contact.CustomFields, ReadValues(data, "contacts", values));
        data.Contacts[contact.Id] = contact;
        return contact.Id;
    }

    public static KommoLead AddLead(KommoAccountData data, SeedLead seed, long now)
    {
        Require(!string.IsNullOrWhiteSpace(seed.Name), "A lead needs a name.");
        var pipeline = seed.PipelineId is { } pipelineId
            ? data.Pipelines.GetValueOrDefault(pipelineId) ?? throw new ArgumentException($"Pipeline {pipelineId} does not exist.")
            : data.MainPipeline ?? throw new ArgumentException("The account has no pipeline yet: create one first.");
        var status = seed.StatusId is { } statusId
            ? pipeline.FindStatus(statusId) ?? throw new ArgumentException($"Stage {statusId} is not in pipeline {pipeline.Id} ('{pipeline.Name}').")
            : pipeline.FirstOpenStatus;
        Require(seed.LossReasonId is null || data.LossReasons.ContainsKey(seed.LossReasonId.Value), $"Loss reason {seed.LossReasonId} does not exist.");
        Require(seed.CompanyId is null || data.Companies.ContainsKey(seed.CompanyId.Value), $"Company {seed.CompanyId} does not exist.");
        foreach (var link in seed.Contacts)
        {
            Require(data.Contacts.ContainsKey(link.ContactId), $"Contact {link.ContactId} does not exist.");
        }

        Require(seed.Contacts.Count(c => c.IsMain) <= 1, "At most one contact of a lead can be the main one.");
        var lead = new KommoLead
        {
            Id = data.Ids.NextLead(),
            Name = seed.Name,
            Price = seed.Price,
            ResponsibleUserId = ResponsibleUser(data, seed.ResponsibleUserId),
            PipelineId = pipeline.Id,
            StatusId = status.Id,
            LossReasonId = seed.LossReasonId,
            CreatedBy = data.OwnerUserId,
            UpdatedBy = data.OwnerUserId,
            CreatedAt = now,
            UpdatedAt = now,
            ClosedAt = KommoStatus.IsClosed(status.Id) ? now : null,
            CompanyId = seed.CompanyId,
        };

        // As in Kommo, the first contact linked to a lead is its main contact unless another one is marked main.
        var hasMain = seed.Contacts.Any(c => c.IsMain);
        for (var i = 0; i < seed.Contacts.Count; i++)
        {
            lead.Contacts.Add(new LeadContactLink(seed.Contacts[i].ContactId, seed.Contacts[i].IsMain || (!hasMain && i == 0)));
        }

        CustomFieldValueChange.ApplyAll(lead.CustomFields, ReadValues(data, "leads", seed.CustomFields));
        data.Leads[lead.Id] = lead;
        return lead;
    }

    /// <summary>Checks seed values with the API's own reader, by writing them as the JSON a client would send.</summary>
    public static IReadOnlyList<CustomFieldValueChange> ReadValues(KommoAccountData data, string entityType, IEnumerable<SeedFieldValue> seeds)
    {
        var array = new JsonArray();
        foreach (var seed in seeds)
        {
            var field = data.CustomFields.GetValueOrDefault(seed.FieldId);
            var values = new JsonArray();
            foreach (var value in seed.Values)
            {
                values.Add(value is JsonObject full ? full.DeepClone() : new JsonObject { ["value"] = value?.DeepClone() });
            }

            array.Add(new JsonObject { ["field_id"] = field?.Id ?? seed.FieldId, ["values"] = values });
        }

        using var document = JsonDocument.Parse(array.ToJsonString());
        var errors = new List<ValidationError>();
        var changes = CustomFieldValuesReader.Read(document.RootElement, "custom_fields", entityType, data, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Bad custom field values: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Code} ({e.Detail})")));
        }

        return changes;
    }

    public static void AddChannels(KommoAccountData data, List<SeedFieldValue> values, string code, IReadOnlyList<SeedContactChannel> channels)
    {
        if (channels.Count == 0)
        {
            return;
        }

        var field = data.FieldsOf("contacts").First(f => f.Code == code);
        values.Add(new SeedFieldValue
        {
            FieldId = field.Id,
            Values = [.. channels.Select(c => (JsonNode?)new JsonObject { ["value"] = c.Value, ["enum_code"] = c.EnumCode })],
        });
    }

    private static void AddPredefinedField(KommoAccountData data, string name, string code, IEnumerable<string> kinds, int sort)
    {
        var field = new CustomFieldDefinition
        {
            Id = data.Ids.NextCustomField(),
            EntityType = "contacts",
            Name = name,
            Type = CustomFieldTypes.Multitext,
            Code = code,
            Sort = sort,
            IsPredefined = true,
        };
        AddEnums(data, field, kinds);
        data.CustomFields[field.Id] = field;
    }

    private static void AddEnums(KommoAccountData data, CustomFieldDefinition field, IEnumerable<string> values)
    {
        var sort = 1;
        foreach (var value in values)
        {
            field.Enums.Add(new CustomFieldEnum(data.Ids.NextEnum(), value, sort++));
        }
    }

    private static long ResponsibleUser(KommoAccountData data, long? requested)
    {
        if (requested is { } id)
        {
            Require(data.Users.ContainsKey(id), $"User {id} does not exist.");
            return id;
        }

        return data.OwnerUserId;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
